import GRDB

/// The tables of `comptes.sqlite`.
enum AccountSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-comptes") { db in
            try db.execute(sql: """
                CREATE TABLE compte (
                    login TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, bailleur TEXT, hash TEXT NOT NULL,
                    cree_le TEXT NOT NULL, cree_par TEXT NOT NULL);
                CREATE TABLE session (
                    jeton TEXT PRIMARY KEY NOT NULL, login TEXT NOT NULL REFERENCES compte(login),
                    csrf TEXT NOT NULL, creee_le TEXT NOT NULL, vue_le TEXT NOT NULL, expire_le TEXT NOT NULL);
                CREATE INDEX session_login ON session(login);
                CREATE TABLE echec_connexion (id INTEGER PRIMARY KEY AUTOINCREMENT, login TEXT NOT NULL, le TEXT NOT NULL);
                CREATE INDEX echec_connexion_login ON echec_connexion(login, le);
                CREATE TABLE journal (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, le TEXT NOT NULL, acteur TEXT NOT NULL, action TEXT NOT NULL,
                    dossier TEXT, sujet TEXT, detail TEXT NOT NULL);
                CREATE TRIGGER journal_sans_modification BEFORE UPDATE ON journal
                    BEGIN SELECT RAISE(ABORT, 'le journal est en ajout seul'); END;
                CREATE TRIGGER journal_sans_suppression BEFORE DELETE ON journal
                    BEGIN SELECT RAISE(ABORT, 'le journal est en ajout seul'); END;
                """)
        }
        // Session tokens are now stored as their SHA-256 (`jeton`): sessions opened before cannot be
        // found any more, so they are ended (their owners sign in again).
        migrator.registerMigration("v2-jetons-empreintes") { db in
            try db.execute(sql: "DELETE FROM session")
        }
        migrator.registerMigration("v3-comptes-desactives") { db in
            try db.execute(sql: "ALTER TABLE compte ADD COLUMN desactive_le TEXT")
        }
        // Failed sign-ins are counted per (login, client address): an attacker elsewhere can no
        // longer lock a partner's login (issue 16). Older rows, without address, count for none.
        migrator.registerMigration("v4-echecs-par-adresse") { db in
            try db.execute(sql: """
                ALTER TABLE echec_connexion ADD COLUMN adresse TEXT NOT NULL DEFAULT '';
                CREATE INDEX echec_connexion_login_adresse ON echec_connexion(login, adresse, le);
                """)
        }
        return migrator
    }
}
