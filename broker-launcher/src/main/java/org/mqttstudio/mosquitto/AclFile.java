package org.mqttstudio.mosquitto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;

/**
 * mosquitto's ACL file. mosquitto applies {@code topic} lines before any {@code user} line to
 * anonymous clients, so those come first, then one block per user, then the {@code pattern} lines.
 */
final class AclFile {
    private AclFile() {
    }

    static String write(List<AclRule> rules) {
        List<String> out = new ArrayList<>();
        rules.stream().filter(r -> !r.pattern() && r.user() == null).forEach(r -> out.add(line("topic", r)));
        Map<String, List<AclRule>> byUser = new LinkedHashMap<>();
        rules.stream().filter(r -> r.user() != null)
                .forEach(r -> byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r));
        byUser.forEach((user, userRules) -> {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add("user " + user);
            userRules.forEach(r -> out.add(line("topic", r)));
        });
        List<AclRule> patterns = rules.stream().filter(AclRule::pattern).toList();
        if (!patterns.isEmpty() && !out.isEmpty()) {
            out.add("");
        }
        patterns.forEach(r -> out.add(line("pattern", r)));
        return String.join("\n", out) + "\n";
    }

    private static String line(String keyword, AclRule r) {
        return keyword + " " + r.access().word() + " " + r.topic();
    }

    static List<AclRule> read(Path file) throws MosquittoConfException {
        List<AclRule> rules = new ArrayList<>();
        String user = null;
        List<String> lines = ConfText.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] keyRest = line.split("\\s+", 2);
            String rest = keyRest.length > 1 ? keyRest[1] : "";
            switch (keyRest[0]) {
                case "user" -> {
                    if (rest.isEmpty()) {
                        throw MosquittoConfException.at(file, i + 1, "'user' needs a user name");
                    }
                    user = rest;
                }
                case "topic", "pattern" -> rules.add(rule(file, i + 1, keyRest[0].equals("pattern") ? null : user,
                        keyRest[0].equals("pattern"), rest));
                default -> throw MosquittoConfException.at(file, i + 1, "expected 'user', 'topic' or 'pattern', not \""
                        + keyRest[0] + "\"");
            }
        }
        return rules;
    }

    /** {@code [read|write|readwrite|deny] <topic>}: the topic is the rest of the line and may hold spaces. */
    private static AclRule rule(Path file, int line, String user, boolean pattern, String rest)
            throws MosquittoConfException {
        String[] accessTopic = rest.split("\\s+", 2);
        AclAccess access = null;
        for (AclAccess a : AclAccess.values()) {
            if (a.word().equals(accessTopic[0].toLowerCase(Locale.ROOT)) && accessTopic.length > 1) {
                access = a;
            }
        }
        String topic = access == null ? rest : accessTopic[1];
        if (topic.isEmpty()) {
            throw MosquittoConfException.at(file, line, "'" + (pattern ? "pattern" : "topic") + "' needs a topic");
        }
        return new AclRule(user, pattern, access, topic);
    }
}
