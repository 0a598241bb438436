package io.petrel.remoting.protocol.header.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesrvHeadersTest {
    private static Map<String, String> written(CommandHeader h) {
        Map<String, String> m = new LinkedHashMap<>();
        h.writeTo((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    @Test
    void registerBrokerReadsWhatA497BrokerSends() throws RemotingCommandException {
        // ext fields of a captured registration
        Map<String, String> ext = Map.of("brokerId", "0", "bodyCrc32", "80820871", "clusterName", "DefaultCluster",
            "brokerAddr", "127.0.0.1:20911", "haServerAddr", "192.0.2.2:20912", "compressed", "false",
            "brokerName", "broker-a");
        RegisterBrokerRequestHeader h = RegisterBrokerRequestHeader.decode(new ExtFields(ext));
        assertEquals(new RegisterBrokerRequestHeader("broker-a", "127.0.0.1:20911", "DefaultCluster",
            "192.0.2.2:20912", 0L, false, 80820871), h);
        assertEquals(ext, written(h));
        assertEquals(List.of("brokerName", "brokerAddr", "clusterName", "haServerAddr", "brokerId", "compressed",
            "bodyCrc32"), new ArrayList<>(written(h).keySet()));
    }

    @Test
    void missingOrBadRequiredFieldNamesIt() {
        Map<String, String> ext = new LinkedHashMap<>(Map.of("brokerName", "b", "brokerAddr", "a:1",
            "clusterName", "c", "haServerAddr", "a:2"));
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> RegisterBrokerRequestHeader.decode(new ExtFields(ext)));
        assertTrue(e.getMessage().contains("brokerId"), e.getMessage());
        ext.put("brokerId", "zero");
        e = assertThrows(RemotingCommandException.class, () -> RegisterBrokerRequestHeader.decode(new ExtFields(ext)));
        assertTrue(e.getMessage().contains("brokerId"), e.getMessage());
        assertThrows(RemotingCommandException.class, () -> GetRouteInfoRequestHeader.decode(new ExtFields(null)));
    }

    @Test
    void optionalFieldsStayAbsent() throws RemotingCommandException {
        assertEquals(Map.of(), written(new RegisterBrokerResponseHeader(null, null)));
        assertEquals(Map.of("haServerAddr", "h:2", "masterAddr", "h:1"),
            written(new RegisterBrokerResponseHeader("h:2", "h:1")));
        GetRouteInfoRequestHeader r = GetRouteInfoRequestHeader.decode(new ExtFields(Map.of("topic", "T")));
        assertNull(r.acceptStandardJsonOnly());
        assertEquals(Map.of("topic", "T"), written(r));
        DeleteTopicFromNamesrvRequestHeader d = DeleteTopicFromNamesrvRequestHeader.decode(
            new ExtFields(Map.of("clusterName", "DefaultCluster", "topic", "FS_DEL", "bname", "ignored")));
        assertEquals(new DeleteTopicFromNamesrvRequestHeader("FS_DEL", "DefaultCluster"), d);
    }

    @Test
    void kvAndPermHeadersRoundTrip() throws RemotingCommandException {
        PutKVConfigRequestHeader put = new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "FS_DEL", "broker-a:2");
        assertEquals(put, PutKVConfigRequestHeader.decode(new ExtFields(written(put))));
        assertEquals(Map.of("wipeTopicCount", "3"), written(new WipeWritePermOfBrokerResponseHeader(3)));
        assertEquals(Map.of("changed", "true"), written(new QueryDataVersionResponseHeader(true)));
        UnRegisterBrokerRequestHeader u = new UnRegisterBrokerRequestHeader("b", "a:1", "c", 1L);
        assertEquals(u, UnRegisterBrokerRequestHeader.decode(new ExtFields(written(u))));
        assertFalse(RegisterBrokerRequestHeader.decode(new ExtFields(Map.of("brokerName", "b", "brokerAddr", "a",
            "clusterName", "c", "haServerAddr", "h", "brokerId", "1"))).compressed());
    }
}
