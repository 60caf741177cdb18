package io.teamplay.plays.facts;

/**
 * A key of the plays' memory: the account itself ({@code attribute} null) or one value of one of its attributes. A
 * rule matching a Once fires once per key: when it did (and what it decided was not refused), it does not fire on
 * that key again, whatever version of the play runs. The service inserts one per attribute that is set, and one for
 * the account.
 */
public final class Once {

    private static final int LONGEST_VALUE = 120;

    private final String attribute;
    private final Account account;

    Once(String attribute, Account account) {
        this.attribute = attribute;
        this.account = account;
    }

    /** The attribute whose value is remembered, or null for once per account. */
    public String getAttribute() { return attribute; }

    /** The attribute's value as text (read when asked: most rules never look), or the account's id. */
    public String getValue() {
        return attribute == null ? account.getId() : account.text(attribute);
    }

    /**
     * How the memory names this key: "account", or "renewal_date=2027-03-31". A long value (up to 4,000 characters)
     * is named by its first 100 characters, its length and a hash, so that keys stay short enough to index.
     */
    public String key() {
        if (attribute == null) {
            return "account";
        }
        String value = getValue();
        return attribute + "=" + (value.length() <= LONGEST_VALUE ? value : value.substring(0, 100) + "...("
                + value.length() + " characters, #" + Integer.toHexString(value.hashCode()) + ")");
    }

    @Override
    public String toString() {
        return "once per " + key();
    }
}
