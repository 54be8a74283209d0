package org.mqttstudio.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.routing.TopologyBuilder.pattern;
import static org.mqttstudio.routing.TopologyBuilder.userRule;

import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.AclAccess;

class AclPolicyTest {
    @Test
    void noRulesAllowEverything() {
        assertThat(AclPolicy.allowAll().canWrite("c", null, "a/b")).isTrue();
        assertThat(AclPolicy.allowAll().canRead("c", "u", "$SYS/x")).isTrue();
    }

    @Test
    void anyRuleDeniesWhatNoRuleAllows() {
        AclPolicy acl = new AclPolicy(java.util.List.of(userRule("u", AclAccess.READ, "a/#")));

        assertThat(acl.canRead("c", "u", "a/b")).isTrue();
        assertThat(acl.canWrite("c", "u", "a/b")).isFalse();
        assertThat(acl.canRead("c", "other", "a/b")).isFalse();
    }

    @Test
    void topicLinesWithoutUserApplyToAnonymousClientsOnly() {
        AclPolicy acl = new AclPolicy(java.util.List.of(userRule(null, AclAccess.READWRITE, "open/#")));

        assertThat(acl.canWrite("c", null, "open/1")).isTrue();
        assertThat(acl.canWrite("c", "u", "open/1")).isFalse();
    }

    @Test
    void patternsSubstituteClientIdAndUsername() {
        AclPolicy acl = new AclPolicy(java.util.List.of(pattern(AclAccess.WRITE, "clients/%c/#"),
                pattern(AclAccess.READ, "users/%u/#")));

        assertThat(acl.canWrite("dev1", null, "clients/dev1/temp")).isTrue();
        assertThat(acl.canWrite("dev1", null, "clients/dev2/temp")).isFalse();
        assertThat(acl.canRead("c", "ann", "users/ann/inbox")).isTrue();
        assertThat(acl.canRead("c", null, "users/ann/inbox")).isFalse();
    }

    @Test
    void denyWinsOverAnyAllow() {
        AclPolicy acl = new AclPolicy(java.util.List.of(userRule("u", AclAccess.READWRITE, "#"),
                userRule("u", AclAccess.DENY, "secret/#")));

        assertThat(acl.canRead("c", "u", "public/x")).isTrue();
        assertThat(acl.canRead("c", "u", "secret/x")).isFalse();
    }

    @Test
    void hashDoesNotCoverSysTopics() {
        AclPolicy acl = new AclPolicy(java.util.List.of(pattern(AclAccess.READWRITE, "#")));

        assertThat(acl.canWrite("c", "u", "$SYS/broker/connection/c/state")).isFalse();
    }
}
