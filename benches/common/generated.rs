//! A generated procedure for the benchmarks.

#[allow(dead_code)]
/// A procedure with `n` steps in 20 phases, every field filled, variables
/// used, rollbacks and validations: the worst realistic case for the loader.
pub fn generated_procedure(n: usize) -> String {
    let mut s = String::with_capacity(n * 600);
    s.push_str(
        "[procedure]\nid = \"PROC-BENCH-001\"\ntitle = \"Generated\"\ncategory = \"deployment\"\n\
criticality = \"alta\"\nversion = \"1.0.0\"\nenvironment = \"staging\"\n",
    );
    s.push_str(&format!("estimate = \"{}m\"\n\n", n));
    s.push_str("[[variables]]\nname = \"DB_HOST\"\ndefault = \"db\"\n\n[[variables]]\nname = \"DB_PASSWORD\"\nsecret = true\n\n");
    let per_phase = n.div_ceil(20);
    let mut id = 0;
    for phase in 0..20 {
        s.push_str(&format!(
            "[[phases]]\nid = \"ph{phase}\"\nkind = \"execution\"\nbudget = \"{per_phase}m\"\n\n"
        ));
        for _ in 0..per_phase {
            if id == n {
                break;
            }
            id += 1;
            s.push_str(&format!(
                "[[phases.steps]]\nid = \"{id}\"\ntitle = \"Paso {id}: verificar el servicio\"\n\
estimate = \"1m\"\ncriticality = \"alta\"\ninstructions = \"Comprobar que el servicio responde.\"\n\
commands = [\"PGPASSWORD=\\\"${{DB_PASSWORD}}\\\" psql -h ${{DB_HOST}} -c 'SELECT {id}'\", \"curl -fsS http://localhost:8080/health\"]\n\
expected = \"1 row\"\nvalidation = {{ command = \"test -f /tmp/x{id}\", exit_code = 0, output = \"^ok$\" }}\n\
on_failure = [\"Revisar logs\"]\nrollback = {{ commands = [\"echo undo {id}\"], estimate = \"30s\" }}\n\n"
            ));
        }
    }
    s.push_str("[rollback]\nwhen = [\"error\"]\n\n[[rollback.steps]]\nid = \"R1\"\ntitle = \"Revertir\"\nestimate = \"1m\"\ncommands = [\"echo revert\"]\nexpected = \"ok\"\n");
    s
}
