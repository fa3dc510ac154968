package dev.wasmtutorial.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.sandbox.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --api --python-packages DIR}: a program's imports are installed from the folder's
 * lock file and wheels (here one small pure-Python wheel this test builds), and a package the
 * folder does not have stays missing instead of being fetched.
 */
class PythonPackagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A wheel of one module, {@code greet}, with the files pip and Pyodide read. */
    private static byte[] wheel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, String> files = Map.of(
                    "greet/__init__.py", "def hello(name):\n    return 'hello ' + name + ' from a wheel'\n",
                    "greet-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: greet\nVersion: 1.0\n",
                    "greet-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: PythonPackagesIT\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
                    "greet-1.0.dist-info/RECORD", "");
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void importsComeFromThePackagesFolderOnly(@TempDir Path packages) throws Exception {
        byte[] wheel = wheel();
        Files.write(packages.resolve("greet-1.0-py3-none-any.whl"), wheel);
        ObjectNode npmLock = (ObjectNode) JSON.readTree(Path.of("src/main/frontend/node_modules/pyodide/pyodide-lock.json").toFile());
        ObjectNode lock = JSON.createObjectNode();
        lock.set("info", npmLock.get("info"));
        ObjectNode greet = lock.putObject("packages").putObject("greet");
        greet.put("name", "greet").put("version", "1.0").put("file_name", "greet-1.0-py3-none-any.whl").put("install_dir", "site")
                .put("sha256", Hashes.sha256Hex(wheel)).put("package_type", "package");
        greet.putArray("imports").add("greet");
        greet.putArray("depends");
        Files.writeString(packages.resolve("pyodide-lock.json"), lock.toString());

        PythonSandbox sandbox = PythonSandbox.forProject(Path.of("")).withPackages(packages);
        try (PythonPool pool = new PythonPool(sandbox, 0, Path.of("target/python-snapshots"))) {
            PythonOutcome found = pool.run("import greet\ngreet.hello('Ada')", "", List.of(), Map.of(), 10_000, 64, 1 << 20, RunListener.NONE);
            assertThat(found.status()).as(found.message() + "\n" + found.stderr()).isEqualTo(PythonOutcome.Status.SUCCEEDED);
            assertThat(found.result().asText()).isEqualTo("hello Ada from a wheel");

            PythonOutcome missing = pool.run("import numpy", "", List.of(), Map.of(), 10_000, 64, 1 << 20, RunListener.NONE);
            assertThat(missing.status()).isEqualTo(PythonOutcome.Status.FAILED);
            assertThat(missing.stderr()).contains("ModuleNotFoundError: No module named 'numpy'");
        }
    }

    @Test
    void aFolderWithoutALockFileIsRefusedNamingIt(@TempDir Path empty) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PythonSandbox.forProject(Path.of("")).withPackages(empty))
                .hasMessageContaining(empty.toString()).hasMessageContaining("pyodide-lock.json");
    }
}
