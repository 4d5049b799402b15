from flux.modprobe import task


@task("site-check", needs_atrs=["content.restore"])
def check(context):
    pass
