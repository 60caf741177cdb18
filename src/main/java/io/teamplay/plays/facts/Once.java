package io.teamplay.plays.facts;

/**
 * A key of the plays' memory: the account itself ({@code attribute} null) or one value of one of its attributes. A
 * rule matching a Once fires once per key: when it did (and what it decided was not refused), it does not fire on
 * that key again, whatever version of the play runs. The service inserts one per attribute that is set, and one for
 * the account.
 */
public final class Once {

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

    /** How the memory names this key: "account", or "renewal_date=2027-03-31". */
    public String key() {
        return attribute == null ? "account" : attribute + "=" + getValue();
    }

    @Override
    public String toString() {
        return "once per " + key();
    }
}
