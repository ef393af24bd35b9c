//! Words of the printable quick checklist (`pasos export`), in Spanish and English.
