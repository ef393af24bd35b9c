//! `pasos import` of a generated 1 MB Markdown runbook in the users'
//! template (target: < 100 ms), and of 1 MB of the real-runbook corpus
//! (`tests/fixtures/import/*.md` repeated: public runbooks and the seeds,
//! every layout the importer reads; target: < 150 ms).
//! Before the criterion groups, one import each of 1, 10 and 50 MB of the
//! corpus (`PASOS_BENCH_IMPORT_MB=1,10,50` to choose) prints its time and
//! the process's peak RSS (targets: 50 MB in < 10 s and < 500 MB), so the
//! growth with size is visible; the CLI's own check of the TOML is not
//! part of it (`bench` has no such step).
//! Run: `cargo bench --bench import`.

use criterion::{Criterion, criterion_group, criterion_main};
use pasos::procedure::import::{Options, import_str};
use std::hint::black_box;

/// A runbook of about `bytes` bytes: front matter, metadata, phases of
/// template steps with every field, rollback, troubleshooting, tables.
pub fn generated_runbook(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str(
        "---\nid: PROC-BENCH-001\ntitulo: Despliegue de prueba\ncriticidad: ALTA\nversion: 1.0.0\n---\n\n\
# PROC-BENCH-001: Despliegue de prueba\n\n**Tiempo Estimado:** 45 minutos\n\n## Propósito\n\n\
### Qué hace este procedimiento\nDespliega la versión nueva con migración y validación.\n\n\
## Prerequisitos\n\n### Accesos\n- [ ] Acceso SSH al bastión\n- [ ] VPN conectada\n\n",
    );
    let mut phase = 0;
    let mut step = 0;
    while s.len() < bytes {
        phase += 1;
        s.push_str(&format!(
            "## FASE {phase}: Ejecución del bloque {phase} (Tiempo estimado: 20 minutos)\n\n"
        ));
        for _ in 0..20 {
            step += 1;
            s.push_str(&format!(
                "### Paso {phase}.{step}: Migrar la partición {step} de la región {phase}\n\
**Duración Estimada:** 2-3 min\n**Criticidad:** ALTA\n**Rollback Disponible:** SI\n\n\
```bash\n# Verificar la conexión a la base\npsql -h ${{DB_HOST}} -U app -c \"SELECT {step};\"\n\n\
# Migrar la partición\nPGPASSWORD=\"${{DB_PASSWORD}}\" ./scripts/migrar.sh --particion {step} \\\n  --region {phase} --lote 500\n\
if [ $? -ne 0 ]; then\n  echo \"falló la partición {step}\"\nfi\n```\n\n\
**Resultado Esperado:** La partición {step} queda en la versión nueva; sin errores en el log.\n\n\
**Validación:**\n```bash\n./scripts/verificar.sh --particion {step}\n```\n\n\
**Salida Esperada:**\n```\nparticion {step}: OK (versión 2)\n```\n\n\
**Si falla:**\n- [ ] Revisar logs: `tail -n 100 /var/log/migracion/{step}.log`\n- [ ] Ejecutar el rollback del paso\n\n\
**Rollback de este paso:**\n```bash\n./scripts/migrar.sh --particion {step} --revertir\n```\n\n\
| Métrica | Antes | Después |\n|---|---|---|\n| filas | 1.000 | 1.000 |\n\n---\n\n"
            ));
        }
    }
    s.push_str(
        "## Rollback Completo\n\n**Cuándo ejecutar rollback:**\n- Error rate > 5%\n\n\
### Paso R1: Restaurar el backup\n```bash\n./scripts/restaurar.sh\n```\n\n\
## Troubleshooting\n\n### Problema 1: Lentitud\n**Síntomas:**\n- p95 > 2s\n\n**Solución:**\n```bash\n./scripts/vacuum.sh\n```\n\n\
### Anexo C: Decision Tree para Rollback\n```\n¿Falló?\n NO → Continuar\n SI → Rollback\n```\n",
    );
    s
}

/// The corpus runbooks one after another until `bytes`.
fn corpus_mix(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("SOURCES.md"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("fixture")).into_owned())
        .collect();
    let mut s = String::with_capacity(bytes + 65536);
    while s.len() < bytes {
        for t in &texts {
            s.push_str(t);
            s.push_str("\n\n");
        }
    }
    s
}

/// A field of `/proc/self/status` in kB (Linux), 0 elsewhere.
fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// One import per size, smallest first (the peak RSS only grows).
fn sizes(options: &Options) {
    let wanted = std::env::var("PASOS_BENCH_IMPORT_MB").unwrap_or_else(|_| "1,10,50".into());
    for mb in wanted
        .split(',')
        .filter_map(|m| m.trim().parse::<usize>().ok())
    {
        let text = corpus_mix(mb << 20);
        let start = std::time::Instant::now();
        let imported = import_str(&text, options);
        let took = start.elapsed();
        eprintln!(
            "import of {mb} MB of the corpus ({} bytes): {:.2} s, {} steps; peak RSS so far {} MB",
            text.len(),
            took.as_secs_f64(),
            imported.report.totals.steps,
            status_kb("VmHWM:") / 1024
        );
    }
}

fn bench(c: &mut Criterion) {
    let text = generated_runbook(1 << 20);
    let options = Options {
        repair: true,
        source_name: "bench.md".into(),
    };
    let imported = import_str(&text, &options);
    let loaded = pasos::procedure::load_str(&imported.toml);
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics.first());
    assert!(imported.procedure.steps().count() > 1000);
    eprintln!(
        "input {} bytes: {} steps, {} commands",
        text.len(),
        imported.report.totals.steps,
        imported.report.totals.commands
    );
    sizes(&options);
    let corpus = corpus_mix(1 << 20);
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("import 1 MB Markdown runbook", |b| {
        b.iter(|| import_str(black_box(&text), &options))
    });
    group.bench_function("import 1 MB of the real-runbook corpus", |b| {
        b.iter(|| import_str(black_box(&corpus), &options))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
