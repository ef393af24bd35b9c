//! Words of the incident report (`pasos report`), in Spanish and English.
