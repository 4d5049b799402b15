from flux.modprobe import task


@task("site-fails")
def fails(context):
    raise RuntimeError("the site check failed")
