//! Where pasos keeps its files: config (keymap overrides, settings) and
//! data (journals, transcripts). XDG by default (`directories`), overridable
//! with `--config-dir`/`--data-dir` or `PASOS_CONFIG_DIR`/`PASOS_DATA_DIR`
//! so a team can share one data directory.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Paths {
    /// Flags win over environment variables, which win over XDG.
    pub fn resolve(config: Option<PathBuf>, data: Option<PathBuf>) -> Result<Paths, String> {
        let from_env = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let config = config.or_else(|| from_env("PASOS_CONFIG_DIR"));
        let data = data.or_else(|| from_env("PASOS_DATA_DIR"));
        if let (Some(config), Some(data)) = (&config, &data) {
            return Ok(Paths {
                config: config.clone(),
                data: data.clone(),
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "pasos").ok_or_else(|| {
            "cannot find a home directory; set PASOS_CONFIG_DIR and PASOS_DATA_DIR".to_string()
        })?;
        Ok(Paths {
            config: config.unwrap_or_else(|| dirs.config_dir().to_path_buf()),
            data: data.unwrap_or_else(|| dirs.data_dir().to_path_buf()),
        })
    }
}
