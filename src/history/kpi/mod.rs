//! Key figures over many runs: per procedure, per step, global.
