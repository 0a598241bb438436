package io.petrel.common.route.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as fastjson 1 writes them: the fewest significant digits that still read back as the same double (of
 * several such, the one nearest the exact value), laid out like {@link Double#toString}: plain for
 * {@code 1e-3 <= |v| < 1e7} with at least one fraction digit ({@code 0.25}, {@code 9999999.0}), otherwise
 * {@code d.dddE[-]n} ({@code 1.0E7}, {@code 9.99E-4}), where at least two significant digits are kept
 * ({@code 4.9E-324}, not {@code 5.0E-324}). NaN and the infinities are written as {@code null}.
 * <p>
 * {@code Double.toString} itself is not always shortest before JDK 19 ({@code 1.0E23} comes out as
 * {@code 9.999999999999999E22}), hence the search here.
 */
final class JsonDoubles {
    private static final int MAX_DIGITS = 17;

    private JsonDoubles() {
    }

    static void append(double v, StringBuilder out) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
            return;
        }
        if (v == 0) {
            out.append(Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0");
            return;
        }
        BigDecimal d = shortest(v).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        if (digits.length() == 1 && (exp < -3 || exp >= 7)) {
            twoDigits(v, out);
            return;
        }
        if (v < 0) {
            out.append('-');
        }
        if (exp >= -3 && exp < 7) {
            plain(digits, exp, out);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, digits.length()).append('E').append(exp);
        }
    }

    /**
     * fastjson prints at least two significant digits in scientific notation, taken at the scale where the upper
     * end of the value's rounding interval has two digits and rounded on the next digit. For normal doubles that is
     * the one-digit shortest form plus {@code .0}; for subnormals it gives e.g. {@code 4.9E-324} (not
     * {@code 5.0E-324}) and {@code 1.0E-323} for {@code 2 * Double.MIN_VALUE}.
     */
    private static void twoDigits(double v, StringBuilder out) {
        BigDecimal exact = new BigDecimal(Math.abs(v));
        BigDecimal upper = exact.add(new BigDecimal(Math.ulp(v)).divide(BigDecimal.valueOf(2)));
        int upperExp = upper.precision() - upper.scale() - 1;
        BigDecimal scaled = exact.scaleByPowerOfTen(1 - upperExp);
        BigDecimal whole = scaled.setScale(0, RoundingMode.FLOOR);
        int next = scaled.subtract(whole).movePointRight(1).setScale(0, RoundingMode.FLOOR).intValue();
        int output = whole.intValue() + (next >= 5 ? 1 : 0);
        if (output >= 100) {
            output /= 10;
            upperExp++;
        }
        if (v < 0) {
            out.append('-');
        }
        out.append((char) ('0' + output / 10)).append('.').append((char) ('0' + output % 10)).append('E')
            .append(upperExp);
    }

    private static void plain(String digits, int exp, StringBuilder out) {
        if (exp < 0) {
            out.append("0.");
            out.append("0".repeat(-exp - 1)).append(digits);
            return;
        }
        if (digits.length() <= exp + 1) {
            out.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
            return;
        }
        out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }

    /**
     * The shortest decimal that parses back to {@code v}; ties in length go to the one nearest the exact value.
     * Whether some p-digit decimal reads back is monotone in p (a shorter one can be padded with zeros), so this
     * searches between 1 and the length of {@code Double.toString}, which always reads back.
     */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        int hi = Math.min(MAX_DIGITS, new BigDecimal(Double.toString(v)).stripTrailingZeros().precision());
        BigDecimal best = withDigits(exact, hi, v);
        if (best == null) {
            return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
        }
        int lo = 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = withDigits(exact, mid, v);
            if (c != null) {
                hi = mid;
                best = c;
            } else {
                lo = mid + 1;
            }
        }
        return best;
    }

    /** The p-digit decimal nearest {@code exact} that reads back as {@code v}, or null if none does. */
    private static BigDecimal withDigits(BigDecimal exact, int p, double v) {
        BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (rounded.doubleValue() == v) {
            return rounded;
        }
        // Near a power of two the interval of decimals that read back is lopsided: a neighbour of the nearest
        // p-digit decimal may read back when the nearest one does not. Nothing further away can.
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
        BigDecimal up = rounded.add(unit);
        BigDecimal down = rounded.subtract(unit);
        boolean upOk = up.doubleValue() == v;
        boolean downOk = down.doubleValue() == v;
        if (upOk && downOk) {
            return up.subtract(exact).abs().compareTo(exact.subtract(down).abs()) <= 0 ? up : down;
        }
        return upOk ? up : downOk ? down : null;
    }
}
