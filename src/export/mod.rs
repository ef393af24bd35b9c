//! The printable quick checklist of a procedure or of a past run.
