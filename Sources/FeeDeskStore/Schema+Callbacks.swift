extension Schema {
    /// Version 3: the callback journal (every accepted delivery, raw), staff users, API tokens and web
    /// sessions. Tokens and session ids are stored as SHA-256 hashes, passwords as PBKDF2 hashes.
    static let callbacksAndUsers = """
    CREATE TABLE callback (
        id            INTEGER PRIMARY KEY,
        partner       TEXT NOT NULL,
        delivery_id   TEXT,
        provider_txn  TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('credit', 'debit', 'test')),
        received_at   TEXT NOT NULL,
        headers       TEXT NOT NULL,
        body          BLOB NOT NULL,
        credit_id     INTEGER REFERENCES credit (id)
    ) STRICT;
    CREATE UNIQUE INDEX callback_by_delivery ON callback (partner, delivery_id) WHERE delivery_id IS NOT NULL;
    CREATE UNIQUE INDEX callback_by_transaction ON callback (partner, provider_txn);
    CREATE INDEX credit_by_provider_reference ON credit (account_id, provider_reference) WHERE provider_reference IS NOT NULL;

    CREATE TABLE app_user (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        role           TEXT NOT NULL CHECK (role IN ('desk', 'accountant', 'admin', 'register')),
        password_hash  TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        disabled_at    TEXT
    ) STRICT;

    CREATE TABLE api_token (
        id          INTEGER PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES app_user (id),
        label       TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        revoked_at  TEXT
    ) STRICT;

    CREATE TABLE web_session (
        id          INTEGER PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES app_user (id),
        id_hash     TEXT NOT NULL UNIQUE,
        csrf_token  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        ended_at    TEXT
    ) STRICT;
    """
}
