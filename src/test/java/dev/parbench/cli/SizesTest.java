package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @Test
    void acceptsTheFormsPeopleType() {
        assertEquals(1024, Sizes.parse("1024", "size"));
        assertEquals(32 * 1024, Sizes.parse("32k", "size"));
        assertEquals(16 << 20, Sizes.parse("16M", "size"));
        assertEquals(1 << 25, Sizes.parse("2^25", "size"));
        assertEquals(List.of(1, 2, 4), Sizes.parseList(List.of("1,2", "4"), "parallelism"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "2^31", "4G", "1.5", ""})
    void rejectsWithAMessageNamingTheValue(String bad) {
        UsageException e = assertThrows(UsageException.class, () -> Sizes.parse(bad, "size"));
        assertTrue(e.getMessage().startsWith("size"), e.getMessage());
    }
}
