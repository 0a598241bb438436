package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.petrel.common.body.QueryCorrectionOffsetBody;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CloneGroupOffsetRequestHeader;
import io.petrel.remoting.protocol.header.QueryCorrectionOffsetHeader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GroupOffsetAdminTest {
    @TempDir
    Path dir;
    private AdminFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new AdminFixture(dir);
        new GroupOffsetAdmin(f.offsets, f.topics, f.consumers, f.store.store(), "127.0.0.1:10911")
            .registerInto(f.processor);
        f.topic("T", 2);
        f.topic("U", 1);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<Integer, Long> correction(String filterGroups, String compareGroup, String topic) throws Exception {
        RemotingCommand r = f.ask(RequestCode.QUERY_CORRECTION_OFFSET,
            new QueryCorrectionOffsetHeader(filterGroups, compareGroup, topic));
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        return QueryCorrectionOffsetBody.decode(r.body()).correctionOffsets();
    }

    @Test
    void correctionIsTheLowestOffsetOfTheOtherGroupsPerQueue() throws Exception {
        f.offsets.commit(null, "A", "T", 0, 7);
        f.offsets.commit(null, "A", "T", 1, 2);
        f.offsets.commit(null, "B", "T", 0, 4);
        f.offsets.commit(null, "B", "T", 1, 9);
        f.offsets.commit(null, "C", "U", 0, 1);
        assertEquals(Map.of(0, 4L, 1, 2L), correction(null, "A", "T"));
        assertEquals(Map.of(0, 7L, 1, 2L), correction("B", "A", "T"));
        assertEquals(Map.of(), correction("A,B", "A", "T"));
        assertEquals(Map.of(), correction(null, "A", "NO_SUCH_TOPIC"));
        assertEquals(Map.of(0, 4L, 1, 2L), correction(null, null, "T"), "4.9.7 answers without a compare group");
        assertEquals(4, f.offsets.query("B", "T", 0), "filtering leaves the stored offsets alone");
    }

    @Test
    void offsetsBelowTheQueueMinimumDoNotCount() throws Exception {
        f.offsets.commit(null, "A", "T", 0, -1);
        f.offsets.commit(null, "B", "T", 0, 2);
        assertEquals(Map.of(0, 2L), correction(null, "X", "T"));
    }

    @Test
    void theCompareTableIsLookedUpAs4_9_7DoesWithTopicAndGroupSwapped() throws Exception {
        f.offsets.commit(null, "A", "T", 0, 5);
        f.offsets.commit(null, "A", "T", 1, 5);
        f.offsets.commit(null, "CMP", "T", 0, 1);
        assertEquals(Map.of(0, 1L, 1, 5L), correction(null, "CMP", "T"), "the compare group's own table is ignored");
        // 4.9.7 reads key compareGroup@topic, i.e. group "T" on topic "CMP".
        f.offsets.commit(null, "T", "CMP", 1, 3);
        assertEquals(Map.of(0, 1L, 1, Long.MAX_VALUE), correction(null, "CMP", "T"));
    }

    @Test
    void cloneCopiesOneTopicOrEveryTopicOfTheSourceGroup() throws Exception {
        f.offsets.commit(null, "SRC", "T", 0, 3);
        f.offsets.commit(null, "SRC", "T", 1, 4);
        f.offsets.commit(null, "SRC", "U", 0, 5);
        f.offsets.commit(null, "DST", "T", 0, 99);
        assertEquals(ResponseCode.SUCCESS, f.ask(RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader("SRC", "DST", "T", false)).code());
        assertEquals(Map.of(0, 3L, 1, 4L), f.offsets.queryAll("DST", "T"));
        assertEquals(-1, f.offsets.query("DST", "U", 0));
        assertEquals(ResponseCode.SUCCESS, f.ask(RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader("SRC", "ALL", null, false)).code());
        assertEquals(Map.of(0, 3L, 1, 4L), f.offsets.queryAll("ALL", "T"));
        assertEquals(Map.of(0, 5L), f.offsets.queryAll("ALL", "U"));
    }

    @Test
    void cloneSkipsUnknownTopicsAndTopicsAnOnlineSourceDoesNotSubscribe() throws Exception {
        f.offsets.commit(null, "SRC", "GONE", 0, 3);
        f.offsets.commit(null, "SRC", "T", 0, 3);
        f.offsets.commit(null, "SRC", "U", 0, 5);
        f.consumer("SRC", "c1", "U");
        assertEquals(ResponseCode.SUCCESS, f.ask(RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader("SRC", "DST", "", false)).code());
        assertEquals(Map.of(), f.offsets.queryAll("DST", "GONE"));
        assertEquals(Map.of(), f.offsets.queryAll("DST", "T"), "the online source does not subscribe to T");
        assertEquals(Map.of(0, 5L), f.offsets.queryAll("DST", "U"));
        assertEquals(ResponseCode.SUCCESS, f.ask(RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader("SRC", "DST", "T", true)).code());
        assertEquals(Map.of(0, 3L), f.offsets.queryAll("DST", "T"), "offline: subscriptions do not matter");
        assertEquals(ResponseCode.SUCCESS, f.ask(RequestCode.CLONE_GROUP_OFFSET,
            new CloneGroupOffsetRequestHeader("NOBODY", "DST2", "T", false)).code());
        assertNull(f.offsets.topicsOfGroup("DST2").stream().findAny().orElse(null));
    }
}
