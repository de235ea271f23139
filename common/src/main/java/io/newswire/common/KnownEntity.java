package io.newswire.common;

/**
 * One spelling of an entity the registry has seen, as kept on the compacted entities topic: its key,
 * type, name and how many articles used this spelling (an advisory count: concurrent instances may each
 * write one increment and the larger survives). The topic key is {@link #registryKey()}, which starts with a blocking prefix so that
 * spelling variants can be found by a range scan of one block instead of a scan of every entity.
 */
public record KnownEntity(String key, Entity.EntityType type, String name, String block, long articles) {

    public String registryKey() {
        return block + key;
    }
}
