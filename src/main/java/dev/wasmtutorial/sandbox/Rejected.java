package dev.wasmtutorial.sandbox;

/**
 * A module the sandbox refuses before running any of its code: an import the policy does not
 * grant, more memory declared than the cap, no such export, a wrong argument count. Says what
 * was required and what the module has, so a build message and an API answer can both use it.
 */
final class Rejected extends Exception {

    private final String required;
    private final String found;

    Rejected(String required, String found) {
        super(found);
        this.required = required;
        this.found = found;
    }

    String required() {
        return required;
    }

    String found() {
        return found;
    }
}
