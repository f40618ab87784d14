@{
The suggestion repository: the defaults `vmcs new` offers first, per preset. (The fix for
each rule is part of the rule itself, see `vmcs/knowledge/rules/*`.) Administrators add a
preset by adding an entry here and a template `vmcs/presets/NAME`.
}
declaration template vmcs/knowledge/suggestions;

include 'vmcs/knowledge/tables';

@documentation{
Presets offered by `vmcs new --preset NAME`: a `description`, the `template` that sets up
the VM, the vCPUs, memory and maximum memory (MiB) written into the new template, and the
packages asked for. `vmcs new` starts from `default`.
}
variable VMCS_SUGGESTIONS ?= dict(
    'default', 'small',
    'bridge', VMCS_DEFAULT_BRIDGE,
    'presets', dict(
        'small', dict(
            'description', 'a small node: 1 vCPU, 256 MiB, a 2000 MiB disk and a CD-ROM',
            'template', 'vmcs/presets/small',
            'vcpus', 1, 'memory', 256, 'maxmem', 512,
            'packages', list('openssh-server'),
            'nic', true
        ),
        'build', dict(
            'description', 'a build host: 4 vCPUs, 8 GiB, compilers and a scratch disk',
            'template', 'vmcs/presets/build',
            'vcpus', 4, 'memory', 8192, 'maxmem', 8192,
            'packages', list('build-essential', 'git', 'openssh-server'),
            'nic', true
        ),
        'web', dict(
            'description', 'a web server: 2 vCPUs, 1 GiB, nginx',
            'template', 'vmcs/presets/web',
            'vcpus', 2, 'memory', 1024, 'maxmem', 2048,
            'packages', list('nginx', 'openssh-server'),
            'nic', false
        )
    )
);
