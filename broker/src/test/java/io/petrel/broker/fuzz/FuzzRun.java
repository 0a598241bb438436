package io.petrel.broker.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/** Drives one decoder with mutated inputs and tells clean refusals from anything else. */
final class FuzzRun {
    /** A decoder under test. */
    interface Target {
        void accept(byte[] input) throws Exception;
    }

    /** What a run saw. */
    record Result(String target, long inputs, long accepted, long refused, List<String> failures) {
        @Override
        public String toString() {
            return String.format("%s: %,d inputs, %,d accepted, %,d refused cleanly, %d failures%s", target, inputs,
                accepted, refused, failures.size(), failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
        }
    }

    private FuzzRun() {
    }

    /**
     * Feeds {@code inputs} mutations of {@code seeds} (the seeds themselves first) to {@code target}. An exception
     * that {@code clean} accepts is a refusal; any other throwable, errors included, is a failure (the first ten
     * are kept with their input).
     */
    static Result run(String name, long seed, long inputs, List<byte[]> seeds, Target target,
                      Predicate<Throwable> clean) {
        Mutator mutator = new Mutator(seed);
        long accepted = 0;
        long refused = 0;
        long failed = 0;
        List<String> failures = new ArrayList<>();
        for (long i = 0; i < inputs; i++) {
            byte[] input = i < seeds.size() ? seeds.get((int) i) : mutator.next(seeds.get((int) (i % seeds.size())));
            try {
                target.accept(input);
                accepted++;
            } catch (Throwable t) {
                if (clean.test(t)) {
                    refused++;
                } else {
                    failed++;
                    if (failures.size() < 10) {
                        failures.add("input " + i + " " + t + " at " + (t.getStackTrace().length > 0
                            ? t.getStackTrace()[0] : "?") + " <- " + HexFormat.of().formatHex(input, 0,
                            Math.min(input.length, 96)));
                    }
                }
            }
        }
        if (failed > failures.size()) {
            failures.add("... " + (failed - failures.size()) + " more");
        }
        return new Result(name, inputs, accepted, refused, failures);
    }
}
