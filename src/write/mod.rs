//! Writing the model back as files, the reverse of [`crate::source`]: the answers file that
//! `oversight import` (and the browser form) produce.

pub mod answers;
