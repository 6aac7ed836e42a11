package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.cli.Profile;
import dev.parbench.cli.RunSpec;
import dev.parbench.family.Families;
import dev.parbench.messaging.CollectiveKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The collectives shell names every operation once, and the family is selectable, short in the quick profile. */
class CollectivesShellTest {

    private static List<String> defaults(Class<?> state, String field) throws NoSuchFieldException {
        return Arrays.asList(state.getField(field).getAnnotation(Param.class).value());
    }

    @Test
    void theFourStatesListEveryOperationExactlyOnce() throws Exception {
        List<String> all = new ArrayList<>();
        for (Class<?> s : List.of(CollectivesBench.PointToPoint.class, CollectivesBench.FanOut.class,
                CollectivesBench.FanIn.class, CollectivesBench.Exchange.class)) {
            all.addAll(defaults(s, "variant"));
            assertEquals(Families.COLLECTIVES.params().get("bytes"), defaults(s, "bytes"), s.getName());
        }
        assertEquals(Arrays.stream(CollectiveKind.values()).map(CollectiveKind::id).sorted().toList(),
                all.stream().sorted().toList());
        for (Class<?> s : List.of(CollectivesBench.PointToPoint.class, CollectivesBench.FanOut.class,
                CollectivesBench.FanIn.class)) {
            assertEquals(Families.COLLECTIVES.params().get("ranks"), defaults(s, "ranks"), s.getName());
        }
    }

    @Test
    void collectivesIsAPatternInAllAndShortInTheQuickProfile() {
        assertEquals(Families.COLLECTIVES, Families.patternFromId("collectives"));
        assertTrue(Families.patterns().contains(Families.COLLECTIVES));
        RunSpec quick = new RunSpec(Profile.QUICK, List.of("collectives"), null, null, null, null, null, null, true);
        Map<String, List<String>> params = quick.passes().get(0).params();
        assertEquals(List.of("2", "4"), params.get("ranks"));
        assertEquals(List.of("8", "1048576"), params.get("bytes"));
        RunSpec standard = new RunSpec(Profile.STANDARD, List.of("all"), null, null, null, null, null, null, true);
        assertTrue(standard.passes().stream().anyMatch(p -> p.label().equals("collectives")
                && p.params().get("ranks").equals(List.of("2", "4", "8"))));
        RunSpec byDefault = new RunSpec(Profile.STANDARD, null, null, null, null, null, null, null, true);
        assertTrue(byDefault.passes().stream().noneMatch(p -> p.label().equals("collectives")),
                "the default run's budget does not grow");
    }
}
