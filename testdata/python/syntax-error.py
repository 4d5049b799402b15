from flux.modprobe import task


@task("broken")
def broken(context:
    pass
