package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EarlyStartTest {

    @Test
    void theValueIsMadeOnceOnAThreadOfItsOwn() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        EarlyStart<String> value = EarlyStart.start("early-test", () -> {
            threads.add(Thread.currentThread().getName());
            return "made";
        });
        assertThat(value.get()).isEqualTo("made");
        assertThat(value.get()).isEqualTo("made");
        assertThat(threads).containsExactly("early-test");
    }

    @Test
    void whenMakingItFailsThereTheCallerMakesItAgainAndSeesTheError() {
        AtomicInteger attempts = new AtomicInteger();
        EarlyStart<String> value = EarlyStart.start("early-test", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no templates folder on " + Thread.currentThread().getName());
        });
        assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("no templates folder on " + Thread.currentThread().getName());
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFailureThereIsRecoveredWhenMakingItAgainWorks() {
        AtomicInteger attempts = new AtomicInteger();
        EarlyStart<Integer> value = EarlyStart.start("early-test", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first try");
            }
            return attempts.get();
        });
        assertThat(value.get()).isEqualTo(2);
    }
}
