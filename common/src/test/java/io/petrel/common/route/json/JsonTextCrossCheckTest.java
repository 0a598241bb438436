package io.petrel.common.route.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alibaba.fastjson.JSON;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Petrel's number and string text against what fastjson 1.2.69 (the 4.9.7 serializer) writes. */
class JsonTextCrossCheckTest {
    private static String petrel(double v) {
        return new JsonWriter().beginObject().field("x", v).endObject().toString();
    }

    private static String official(double v) {
        return JSON.toJSONString(Map.of("x", v));
    }

    @Test
    void knownDoubles() {
        assertEquals("{\"x\":0.0}", petrel(0.0));
        assertEquals("{\"x\":-0.0}", petrel(-0.0));
        assertEquals("{\"x\":1.5}", petrel(1.5));
        assertEquals("{\"x\":0.25}", petrel(0.25));
        assertEquals("{\"x\":9999999.0}", petrel(9999999.0));
        assertEquals("{\"x\":1.0E7}", petrel(1e7));
        assertEquals("{\"x\":0.001}", petrel(0.001));
        assertEquals("{\"x\":9.99E-4}", petrel(9.99e-4));
        assertEquals("{\"x\":1.0E23}", petrel(1e23), "shortest digits, not Double.toString's 9.999999999999999E22");
        assertEquals("{\"x\":4.9E-324}", petrel(Double.MIN_VALUE), "two digits in scientific notation");
        assertEquals("{\"x\":1.0E-323}", petrel(2 * Double.MIN_VALUE));
        assertEquals("{\"x\":1.7976931348623157E308}", petrel(Double.MAX_VALUE));
        assertEquals("{\"x\":-123456.789}", petrel(-123456.789));
        assertEquals("{\"x\":null}", petrel(Double.NaN));
        assertEquals("{\"x\":null}", petrel(Double.POSITIVE_INFINITY));
        assertEquals("{\"x\":null}", petrel(Double.NEGATIVE_INFINITY));
    }

    @Test
    void doublesMatchFastjson() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());
                case 1 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 15);
                case 2 -> rnd.nextInt(1_000_000) / 100.0;
                default -> Math.scalb(1.0, rnd.nextInt(2098) - 1074) * (rnd.nextBoolean() ? 1 : -1);
            };
            assertEquals(official(v), petrel(v), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
        }
    }

    @Test
    void edgeDoublesMatchFastjson() {
        for (long bits = 1; bits < 20_000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
        for (int e = -1074; e <= 1023; e++) {
            check(Math.scalb(1.0, e));
            check(Math.nextUp(Math.scalb(1.0, e)));
            check(Math.nextDown(Math.scalb(1.0, e)));
        }
        for (int n = -325; n <= 308; n++) {
            for (int d = 1; d <= 9; d++) {
                check(Double.parseDouble(d + "E" + n));
            }
        }
    }

    private static void check(double v) {
        assertEquals(official(v), petrel(v), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
    }

    @Test
    void everyCharEscapesAsFastjsonDoes() {
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = "a" + (char) c + "b";
            String mine = new JsonWriter().value(s).toString();
            int code = c;
            assertEquals(JSON.toJSONString(s), mine, () -> "char U+" + Integer.toHexString(code));
        }
    }
}
