namespace ProductStore.Users.Storage;

public static class SqliteUsersSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE refresh_tokens (
            token_hash TEXT PRIMARY KEY,
            family_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            used INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE refresh_families (
            family_id TEXT PRIMARY KEY,
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE signing_keys (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            kid TEXT NOT NULL,
            private_key BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        """,
        "CREATE INDEX users_by_role ON users (role);",
        // Revocation: each account's security stamp, the one each refresh token was issued under, and what ended when.
        // Signing keys made by rotation. Failed logins per account.
        """
        ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE refresh_tokens ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
        CREATE TABLE revocations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            user_id TEXT,
            stamp TEXT,
            session_id TEXT
        );
        CREATE INDEX revocations_by_time ON revocations (at);
        CREATE TABLE signing_key_ring (
            kid TEXT PRIMARY KEY,
            private_key BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE login_failures (
            account TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            blocked_until INTEGER NOT NULL,
            last_failure_at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_by_time ON login_failures (last_failure_at);
        """,
    ];
}
