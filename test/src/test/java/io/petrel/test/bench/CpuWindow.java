package io.petrel.test.bench;

import java.io.IOException;

/**
 * The CPU time spent during one measured case by a broker process, by this JVM (the client driving it) and by the
 * whole machine, read from {@code /proc} when the case starts and when it ends.
 */
final class CpuWindow {
    /** What a case spent: broker and client CPU in clock ticks, and the machine's busy and total ticks. */
    record Spent(long broker, long client, long machineBusy, long machineTotal) {
        /** The share of all cores' time the machine was busy, in percent of all cores. */
        double machineBusyPercent() {
            return machineTotal == 0 ? 0 : machineBusy * 100.0 / machineTotal;
        }
    }

    private static final long SELF = ProcessHandle.current().pid();

    private final long brokerPid;
    private final long broker;
    private final long client;
    private final long[] machine;

    private CpuWindow(long brokerPid) throws IOException {
        this.brokerPid = brokerPid;
        this.broker = ProcStats.cpuTicks(brokerPid);
        this.client = ProcStats.cpuTicks(SELF);
        this.machine = ProcStats.machineTicks();
    }

    static CpuWindow open(long brokerPid) throws IOException {
        return new CpuWindow(brokerPid);
    }

    Spent close() throws IOException {
        long b = ProcStats.cpuTicks(brokerPid) - broker;
        long c = ProcStats.cpuTicks(SELF) - client;
        long[] m = ProcStats.machineTicks();
        return new Spent(b, c, m[0] - machine[0], m[1] - machine[1]);
    }
}
