package io.petrel.test.surface;

import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * One request of the broker surface, sent to an official and a Petrel broker and compared with
 * {@link SideBySide.Answers#assertSameShape}. {@code request} builds a fresh request for a side (most requests are
 * the same for both; a client id or an offset may differ). {@code dataKeyed}: JSON paths of objects keyed by data.
 */
public record SurfaceCase(String name, Function<SideBySide.Side, RemotingCommand> request, boolean remarkIgnored,
                          String... dataKeyed) {
    public SurfaceCase(String name, Function<SideBySide.Side, RemotingCommand> request, String... dataKeyed) {
        this(name, request, false, dataKeyed);
    }

    /** A case whose request is the same for both sides. */
    public SurfaceCase(String name, Supplier<RemotingCommand> request, String... dataKeyed) {
        this(name, side -> request.get(), false, dataKeyed);
    }

    /**
     * A case where the official broker's remark is a leftover of its own (e.g. "not set any response code" on a
     * success) that Petrel deliberately does not repeat; everything else is compared.
     */
    public static SurfaceCase remarkIgnored(String name, Supplier<RemotingCommand> request, String... dataKeyed) {
        return new SurfaceCase(name, side -> request.get(), true, dataKeyed);
    }

    @Override
    public String toString() {
        return name;
    }
}
