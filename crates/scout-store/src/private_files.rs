//! Files and folders that hold personal data are readable by their owner
//! only: folders `0700`, files `0600`, whatever the process's umask. Any
//! local account could otherwise read stored CVs and profiles out of
//! `scout.db` (SQLite creates its `-wal` and `-shm` files with the database
//! file's own permissions, so creating that file `0600` covers all three).

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Permission bits of a private folder.
pub const DIR_MODE: u32 = 0o700;
/// Permission bits of a private file.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents `0700` (existing ones are left as
/// they are: see [`wider_than_private`]).
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)
}

/// Creates (or truncates) `path` as a `0600` file.
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options.open(path)
}

/// Makes sure `path` exists as a file readable by its owner only: created
/// `0600` when missing, narrowed to `0600` when wider.
pub fn ensure_file(path: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    drop(options.open(path)?);
    narrow(path)
}

/// Narrows an existing file to `0600` when others (or the group) can read it.
pub fn narrow(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let meta = std::fs::metadata(path)?;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(FILE_MODE))?;
        }
    }
    Ok(())
}

/// The permission bits of `dir` when anyone but its owner may enter or read
/// it, for a warning at start.
pub fn wider_than_private(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        let mode = std::fs::metadata(dir).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_the_owner_s_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&root.path().join("a")), 0o700);
        let file = dir.join("f");
        drop(create_file(&file).unwrap());
        assert_eq!(mode(&file), 0o600);
        let loose = dir.join("loose");
        std::fs::write(&loose, b"x").unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
        ensure_file(&loose).unwrap();
        assert_eq!(mode(&loose), 0o600);
        assert_eq!(std::fs::read(&loose).unwrap(), b"x", "content kept");
        assert_eq!(wider_than_private(&dir), None);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(wider_than_private(&dir), Some(0o755));
    }
}
