import Foundation
import GRDB

/// The workspace database schema, as versioned migrations: a newer Trame opens an older workspace
/// and brings it up to date; a migration, once released, never changes.
enum ArchiveSchema {
    /// The migrations in order.
    static let versions = ["v1", "v2", "v3-permissions", "v4-calendrier", "v5-fichiers-convention"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        // Health data on disk: directories 0700, files 0600 (objects 0400) in workspaces made
        // before, whatever the umask of their creator was (issue 16).
        migrator.registerMigration("v3-permissions") { db in
            if let file = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'"), !file.isEmpty {
                WorkspacePermissions.secureTree(URL(fileURLWithPath: file).deletingLastPathComponent())
            }
        }
        // The calendar events `trame deadlines --ics --workspace` has published (issue 12).
        migrator.registerMigration("v4-calendrier", migrate: CalendarSchema.v4)
        // The files a convention names (partners' logos, house style), stored with each version (issue 14).
        migrator.registerMigration("v5-fichiers-convention") { db in
            try db.execute(sql: """
                CREATE TABLE record_attachment (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                    sha256 TEXT NOT NULL REFERENCES stored_file (sha256),
                    UNIQUE (kind, record_id, version, name)
                );
                CREATE TRIGGER record_attachment_immuable BEFORE UPDATE ON record_attachment
                BEGIN SELECT RAISE(ABORT, 'ligne archivée non modifiable (record_attachment)'); END;
                CREATE TRIGGER record_attachment_purge_seule BEFORE DELETE ON record_attachment
                WHEN NOT EXISTS (SELECT 1 FROM purge_guard)
                BEGIN SELECT RAISE(ABORT, 'suppression réservée à « trame archive purge » (record_attachment)'); END;
                """)
        }
        return migrator
    }

    /// The initial schema: stored files, the journal of in-flight writes, conventions and dossiers
    /// (one row per version), generated documents, signed versions and the append-only audit log.
    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE stored_file (
                sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
                size INTEGER NOT NULL CHECK (size >= 0),
                media_type TEXT NOT NULL,
                stored_at TEXT NOT NULL
            );
            CREATE TABLE store_journal (
                token TEXT PRIMARY KEY NOT NULL,
                operation TEXT NOT NULL CHECK (operation IN ('ajout', 'suppression')),
                sha256 TEXT NOT NULL,
                started_at TEXT NOT NULL
            );
            CREATE TABLE record_version (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('convention', 'dossier')),
                record_id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                sha256 TEXT NOT NULL REFERENCES stored_file(sha256),
                file_name TEXT NOT NULL,
                convention_id TEXT,
                end_date TEXT,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL,
                UNIQUE (kind, record_id, version)
            );
            CREATE TABLE generated_document (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                owner_kind TEXT NOT NULL CHECK (owner_kind IN ('convention', 'dossier')),
                owner_id TEXT NOT NULL,
                document_kind TEXT NOT NULL,
                audience TEXT NOT NULL,
                format TEXT NOT NULL,
                sha256 TEXT NOT NULL REFERENCES stored_file(sha256),
                manifest_sha256 TEXT REFERENCES stored_file(sha256),
                source_sha256 TEXT NOT NULL,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL
            );
            CREATE INDEX generated_document_sha256 ON generated_document(sha256);
            CREATE TABLE signed_version (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                owner_kind TEXT NOT NULL CHECK (owner_kind IN ('convention', 'dossier')),
                owner_id TEXT NOT NULL,
                document_kind TEXT NOT NULL,
                evaluation_date TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL CHECK (version >= 1),
                sha256 TEXT NOT NULL REFERENCES stored_file(sha256),
                original_name TEXT NOT NULL,
                signed_on TEXT NOT NULL,
                signatories TEXT NOT NULL,
                reason TEXT,
                audience TEXT NOT NULL,
                evaluation_type TEXT,
                recommendation TEXT,
                generated_id INTEGER REFERENCES generated_document(id),
                generated_sha256 TEXT,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL,
                UNIQUE (owner_kind, owner_id, document_kind, evaluation_date, version)
            );
            CREATE INDEX signed_version_sha256 ON signed_version(sha256);
            CREATE TABLE audit_event (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                owner_id TEXT,
                subject TEXT,
                sha256 TEXT,
                detail TEXT NOT NULL DEFAULT '{}'
            );
            """)
        for table in ["audit_event", "stored_file", "record_version", "generated_document", "signed_version"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_immuable BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'ligne archivée non modifiable (\(table))'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_event_ajout_seul BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'le journal d''audit ne se supprime pas'); END;
            """)
    }

    /// Retention: a setting per convention, and deletions of archived rows reserved to the purge
    /// (which marks its own transaction in `purge_guard`).
    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE convention_setting (
                convention_id TEXT PRIMARY KEY NOT NULL,
                retention_years INTEGER CHECK (retention_years BETWEEN 1 AND 100),
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE purge_guard (token TEXT PRIMARY KEY NOT NULL);
            """)
        for table in ["stored_file", "record_version", "generated_document", "signed_version"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_purge_seule BEFORE DELETE ON \(table)
                WHEN NOT EXISTS (SELECT 1 FROM purge_guard)
                BEGIN SELECT RAISE(ABORT, 'suppression réservée à « trame archive purge » (\(table))'); END;
                """)
        }
    }
}
