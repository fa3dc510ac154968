package dev.wasmtutorial.content;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterTest {

    /**
     * The written-out toString is part of every page's cache key: it must name every component,
     * as the record's generated one does, or a field added later would not invalidate the cache.
     */
    @Test
    void toStringNamesEveryComponentAsTheGeneratedOneWould() throws Exception {
        FrontMatter frontMatter = new FrontMatter("A, b=c", null, 3, false, "page", true);
        StringBuilder expected = new StringBuilder("FrontMatter[");
        String fields = Arrays.stream(FrontMatter.class.getRecordComponents()).map(component -> {
            try {
                return component.getName() + "=" + component.getAccessor().invoke(frontMatter);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(", "));
        assertThat(frontMatter.toString()).isEqualTo(expected.append(fields).append(']').toString());
    }
}
