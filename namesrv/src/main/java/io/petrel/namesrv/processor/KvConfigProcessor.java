package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.common.route.KVTable;
import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVConfigResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import java.util.Map;

/** PUT/GET/DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE. */
public final class KvConfigProcessor extends GuardedProcessor {
    private final KVConfigManager kv;

    public KvConfigProcessor(KVConfigManager kv) {
        this.kv = kv;
    }

    @Override
    protected RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.PUT_KV_CONFIG -> put(request);
            case RequestCode.GET_KV_CONFIG -> get(request);
            case RequestCode.DELETE_KV_CONFIG -> delete(request);
            case RequestCode.GET_KVLIST_BY_NAMESPACE -> list(request);
            default -> unexpectedCode(request);
        };
    }

    private RemotingCommand put(RemotingCommand request) throws Exception {
        PutKVConfigRequestHeader h = request.decodeHeader(PutKVConfigRequestHeader::decode);
        kv.put(h.namespace(), h.key(), h.value());
        return success();
    }

    private RemotingCommand get(RemotingCommand request) throws Exception {
        GetKVConfigRequestHeader h = request.decodeHeader(GetKVConfigRequestHeader::decode);
        String value = kv.get(h.namespace(), h.key());
        if (value == null) {
            return RemotingCommand.createResponse(ResponseCode.QUERY_NOT_FOUND,
                "No config item, Namespace: " + h.namespace() + " Key: " + h.key(), new GetKVConfigResponseHeader(null));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new GetKVConfigResponseHeader(value));
    }

    private RemotingCommand delete(RemotingCommand request) throws Exception {
        DeleteKVConfigRequestHeader h = request.decodeHeader(DeleteKVConfigRequestHeader::decode);
        kv.delete(h.namespace(), h.key());
        return success();
    }

    private RemotingCommand list(RemotingCommand request) throws Exception {
        GetKVListByNamespaceRequestHeader h = request.decodeHeader(GetKVListByNamespaceRequestHeader::decode);
        Map<String, String> table = kv.namespace(h.namespace());
        if (table == null) {
            return RemotingCommand.createResponse(ResponseCode.QUERY_NOT_FOUND,
                "No config item, Namespace: " + h.namespace());
        }
        return success().body(new KVTable(table).encode());
    }
}
