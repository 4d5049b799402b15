from flux.modprobe import task
import no_such_site_module


@task("unreachable")
def unreachable(context):
    pass
