# A drop-in in the original's format: rc1.d/site.py
from flux.modprobe import task


def setup(context):
    context.load_modules(["kvs"])
    context.setopt("kvs", "checkpoint-period=10m")


@task("site-hello", ranks="0", after=["kvs"], needs_attrs=["!broker.recovery-mode"])
def hello(context):
    context.print("site-hello: said only with -v")
    context.set("greeting", {"text": "hi", "n": 2})
    print("hello from python on rank", context.rank)


@task("site-later", after=["site-hello"])
def later(context):
    print("later got", context.get("greeting"))
