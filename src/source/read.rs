//! Reading the bytes of one input: a regular file, or standard input, never past the size limit.
//!
//! Only regular files are read. A folder, a named pipe, a device or a socket is refused before
//! any byte is read, so `/dev/zero` cannot fill the memory and a FIFO cannot make the run wait
//! forever. The file is opened without blocking and its type checked again on the open handle,
//! in case the path changed in between. Bytes are counted as they arrive: reading stops one
//! byte past the limit whatever length the file claims (files in `/proc` claim 0, a file may
//! grow while it is read), and standard input is bounded the same way.

use std::io::Read;
use std::path::Path;

/// The argument that stands for standard input.
pub const STDIN_ARGUMENT: &str = "-";

/// Why an input could not be read.
#[derive(Debug)]
pub enum Unreadable {
    Missing,
    Denied,
    Folder,
    /// Not a regular file: what it is instead ("a named pipe (FIFO)", "a device", "a socket").
    Special(&'static str),
    /// More bytes than the limit: the length the file reports, or `None` when only the count
    /// of bytes read says so (standard input, a file that lies about its length).
    TooLarge {
        bytes: Option<u64>,
    },
    Io(std::io::Error),
}

impl Unreadable {
    /// The reason in words; `max_bytes` is the limit that was applied.
    pub fn describe(&self, max_bytes: u64) -> String {
        match self {
            Unreadable::Missing => "no such file".into(),
            Unreadable::Denied => "permission denied".into(),
            Unreadable::Folder => "this is a folder, not a regular file".into(),
            Unreadable::Special(what) => format!("this is {what}, not a regular file"),
            Unreadable::TooLarge { bytes: Some(bytes) } => {
                format!("the file has {bytes} bytes, more than the limit of {max_bytes} bytes")
            }
            Unreadable::TooLarge { bytes: None } => {
                format!("the input holds more than the limit of {max_bytes} bytes")
            }
            Unreadable::Io(error) => format!("cannot read the file: {error}"),
        }
    }

    fn from_io(error: std::io::Error) -> Unreadable {
        match error.kind() {
            std::io::ErrorKind::NotFound => Unreadable::Missing,
            std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
            _ => Unreadable::Io(error),
        }
    }
}

/// Whether `path` is the `-` that names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_ARGUMENT
}

/// The bytes of a regular file, at most `max_bytes` of them.
pub fn file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Unreadable> {
    let metadata = std::fs::metadata(path).map_err(Unreadable::from_io)?;
    regular(&metadata)?;
    if metadata.len() > max_bytes {
        return Err(Unreadable::TooLarge {
            bytes: Some(metadata.len()),
        });
    }
    let file = open(path)?;
    regular(&file.metadata().map_err(Unreadable::from_io)?)?;
    bounded(file, max_bytes)
}

/// The bytes of standard input, at most `max_bytes` of them.
pub fn stdin(max_bytes: u64) -> Result<Vec<u8>, Unreadable> {
    bounded(std::io::stdin().lock(), max_bytes)
}

/// Refuses anything but a regular file, saying what it is.
pub fn regular(metadata: &std::fs::Metadata) -> Result<(), Unreadable> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(Unreadable::Folder);
    }
    Err(Unreadable::Special(special_kind(&kind)))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// Opens for reading without waiting for a writer, should the path have become a FIFO.
fn open(path: &Path) -> Result<std::fs::File, Unreadable> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path).map_err(Unreadable::from_io)
}

/// Reads to the end, or to one byte past `max_bytes`.
fn bounded(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, Unreadable> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Unreadable::from_io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Unreadable::TooLarge { bytes: None });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'x');
        assert!(matches!(
            bounded(endless, 10),
            Err(Unreadable::TooLarge { bytes: None })
        ));
        assert_eq!(bounded(&b"0123456789"[..], 10).ok(), Some(b"0123456789".to_vec()));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused_before_reading() {
        assert!(matches!(
            file(Path::new("/dev/zero"), 10),
            Err(Unreadable::Special("a device"))
        ));
        assert!(matches!(file(Path::new("/"), 10), Err(Unreadable::Folder)));
        assert!(matches!(
            file(Path::new("/no/such/file"), 10),
            Err(Unreadable::Missing)
        ));
    }
}
