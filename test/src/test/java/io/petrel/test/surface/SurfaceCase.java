package io.petrel.test.surface;

import java.util.function.Supplier;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * One request of the broker surface, sent to an official and a Petrel broker and compared with
 * {@link SideBySide.Answers#assertSameShape}. {@code dataKeyed}: JSON paths of objects keyed by data.
 */
public record SurfaceCase(String name, Supplier<RemotingCommand> request, String... dataKeyed) {
    @Override
    public String toString() {
        return name;
    }
}
