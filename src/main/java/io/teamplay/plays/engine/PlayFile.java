package io.teamplay.plays.engine;

import java.util.Locale;
import java.util.Objects;

/** A play's rule file: its name (the file name without extension), file name and text. */
public record PlayFile(String name, String fileName, String text) {

    public static final String DRL = ".drl";
    public static final String DSLR = ".dslr";

    public PlayFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
        text = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A file of the rules directory, e.g. {@code welcome.dslr}. */
    public static PlayFile of(String fileName, String text) {
        return new PlayFile(nameOf(fileName), fileName, text);
    }

    public static boolean isPlayFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(DRL) || lower.endsWith(DSLR);
    }

    public static String nameOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && isPlayFile(fileName) ? fileName.substring(0, dot) : fileName;
    }

    /** The team the file's {@code // team:} line names, or null. */
    public String team() {
        return PlayHeader.read(text).team();
    }

    /** True when the file is written in the plays DSL's sentences. */
    public boolean isDsl() {
        return fileName.toLowerCase(Locale.ROOT).endsWith(DSLR);
    }
}
