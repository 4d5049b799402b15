from flux.modprobe import task


@task("site-slurm", needs_env=["SLURM_JOB_ID"])
def slurm(context):
    print("job", context.getenv("SLURM_JOB_ID"))
    context.rpc("site.hello", {"job": context.getenv("SLURM_JOB_ID")}).get()
