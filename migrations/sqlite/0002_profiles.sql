-- Master profiles: the current document (JSON) with its version, and every version kept as a
-- snapshot with its field-level changes.
CREATE TABLE profiles (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    full_name   TEXT NOT NULL,
    content     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX profiles_user ON profiles(user_id, created_at);

CREATE TABLE profile_versions (
    profile_id  TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    content     TEXT NOT NULL,
    changes     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (profile_id, version)
);
