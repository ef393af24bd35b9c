//! Words of the review browser and the KPI view of the TUI, in Spanish and English.
