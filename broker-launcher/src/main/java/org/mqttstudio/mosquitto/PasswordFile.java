package org.mqttstudio.mosquitto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.topology.User;

/** mosquitto's password file: one {@code name:hash} line per user, as {@code mosquitto_passwd} writes it. */
final class PasswordFile {
    private PasswordFile() {
    }

    static String write(List<User> users) {
        StringBuilder text = new StringBuilder();
        users.forEach(u -> text.append(u.name()).append(':').append(u.passwordHash()).append('\n'));
        return text.toString();
    }

    static List<User> read(Path file) throws MosquittoConfException {
        List<User> users = new ArrayList<>();
        List<String> lines = ConfText.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw MosquittoConfException.at(file, i + 1, "expected 'user:hash' (made by mosquitto_passwd), not \""
                        + line + "\"");
            }
            try {
                users.add(new User(line.substring(0, colon), line.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw MosquittoConfException.at(file, i + 1, e.getMessage());
            }
        }
        return users;
    }
}
