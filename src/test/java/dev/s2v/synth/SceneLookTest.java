package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.Natives;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class SceneLookTest {
    private static final List<ScenePlan> PLANS = new ArrayList<>();

    @BeforeAll
    static void plan() {
        Natives.assumeGdal();
        Draws master = new Draws(11);
        for (int i = 0; i < 40; i++) {
            PLANS.add(ScenePlanner.plan(master.nextLong(), 128, "05.09", 1.0));
        }
    }

    @Test
    void drawsAreSeededPerSceneAndStayInTheirRanges() {
        int glinting = 0;
        for (ScenePlan plan : PLANS) {
            SceneLook look = SceneLook.of(plan, true);
            assertEquals(look, SceneLook.of(plan, true), "the same scene, the same look");
            assertTrue(look.turbidityBase() <= SceneLook.TURBIDITY_BASE_MAX, look.toString());
            assertTrue(look.turbidityCoast() <= SceneLook.TURBIDITY_COAST_MAX, look.toString());
            assertTrue(
                    look.glintStrength() == 0
                            || (look.glintStrength() >= SceneLook.GLINT_MIN
                                    && look.glintStrength() <= SceneLook.GLINT_MAX),
                    look.toString());
            assertTrue(
                    look.hazeResidue550() >= SceneLook.HAZE_RESIDUE_MIN
                            && look.hazeResidue550() <= SceneLook.HAZE_RESIDUE_MAX,
                    look.toString());
            assertTrue(
                    look.smoothingSigmaPx() >= SceneLook.SMOOTHING_MIN_PX
                            && look.smoothingSigmaPx() <= SceneLook.SMOOTHING_MAX_PX,
                    look.toString());
            assertTrue(
                    look.vesselBrightness() >= SceneLook.VESSEL_BRIGHTNESS_MIN
                            && look.vesselBrightness() <= 1,
                    look.toString());
            glinting += look.glintStrength() > 0 ? 1 : 0;
        }
        // 40 scenes at a chance of 0.75: 30 expected, 23..37 with a margin of 2.5 sigma.
        assertTrue(glinting >= 23 && glinting <= 37, glinting + " of 40 scenes glint");
        assertNotEquals(SceneLook.of(PLANS.get(0), true), SceneLook.of(PLANS.get(1), true));
    }

    @Test
    void withoutRandomisationASceneKeepsItsPlannedWaterAndGlint() {
        ScenePlan plan = PLANS.get(0);
        SceneLook look = SceneLook.of(plan, false);
        assertEquals(plan.fields().waterParameters().turbidityBase(), look.turbidityBase());
        assertEquals(plan.fields().waterParameters().turbidityCoast(), look.turbidityCoast());
        assertEquals(plan.fields().glintParameters().strength(), look.glintStrength());
        assertEquals(0, look.hazeResidue550());
        assertEquals(1, look.vesselBrightness());
        assertEquals(plan, look.applyTo(plan).with(plan.fields(), plan.vessels()));
    }

    @Test
    void aLookChangesWaterGlintAndPaintButNeverWhereVesselsAre() {
        ScenePlan plan =
                PLANS.stream().filter(p -> p.vessels().size() > 3).findFirst().orElseThrow();
        SceneLook look = new SceneLook(0.3, 0.1, 0.02, 0.001, 0.6, 0.5);
        ScenePlan looked = look.applyTo(plan);
        assertEquals(0.3, looked.fields().waterParameters().turbidityBase());
        assertEquals(0.02, looked.fields().glintParameters().strength());
        assertEquals(
                plan.fields().waterParameters().plumeM(),
                looked.fields().waterParameters().plumeM());
        assertEquals(plan.vessels().size(), looked.vessels().size());
        for (int i = 0; i < plan.vessels().size(); i++) {
            Vessel before = plan.vessels().get(i);
            Vessel after = looked.vessels().get(i);
            ConvexPolygon a = before.hullOutline();
            ConvexPolygon b = after.hullOutline();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.x(k), b.x(k));
                assertEquals(a.y(k), b.y(k));
            }
            assertEquals(0.5 * before.brightness(), after.brightness(), 1e-12);
        }
        assertEquals(plan.productSpec(0), looked.productSpec(0));
        assertEquals(plan.fixtures(), looked.fixtures());
    }

    @Test
    void refusesValuesOutsideTheirRangesNamingThem() {
        IllegalArgumentException turbid =
                assertThrows(
                        IllegalArgumentException.class, () -> new SceneLook(1.5, 0, 0, 0, 0.5, 1));
        assertTrue(turbid.getMessage().contains("turbidity shares must be 0..1, got 1.5"));
        IllegalArgumentException paint =
                assertThrows(
                        IllegalArgumentException.class, () -> new SceneLook(0, 0, 0, 0, 0.5, 0));
        assertTrue(paint.getMessage().contains("vessel brightness"), paint.getMessage());
        IllegalArgumentException sigma =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new SceneLook(0, 0, 0, 0, Double.NaN, 1));
        assertTrue(sigma.getMessage().contains("smoothing sigma"), sigma.getMessage());
    }
}
