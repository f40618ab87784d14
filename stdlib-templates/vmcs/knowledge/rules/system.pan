@{
Knowledge-center rules about the operating system (`/system`).
}
declaration template vmcs/knowledge/rules/system;

include 'vmcs/functions';

@documentation{
Rule `vm.name-invalid`: the VM name (by default the object template's name) must be a valid
domain name: lower-case letters, digits and `-`, starting with a letter or digit, at most
63 characters.
Suggestion: the name in lower case with other characters replaced by `-` (fix: `/vm/name`).
}
function vmcs_rule_vm_name = {
    n = value('/vm/name');
    if (!match(n, '^[a-z0-9][a-z0-9-]{0,62}$')) {
        fixed = replace('[^a-z0-9-]', '-', to_lowercase(n));
        if (!match(fixed, '^[a-z0-9]')) fixed = 'vm' + fixed;
        if (length(fixed) > 63) fixed = substr(fixed, 0, 63);
        vmcs_rule_fail('vm.name-invalid',
            format("'%s' is not a valid VM name", n),
            '/vm/name',
            "use lower-case letters, digits and '-' (set VMCS_NAME before including vmcs/vm, or /vm/name)",
            '/vm/name', fixed);
    };
    true;
};

@documentation{
Rule `sys.hostname-invalid`: the host name must be an RFC 1123 label (lower-case letters,
digits and inner `-`, at most 63 characters).
Suggestion: use the VM name (fix: `/system/hostname` = `/vm/name`).
}
function vmcs_rule_hostname = {
    h = value('/system/hostname');
    if (!match(h, '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')) {
        vmcs_rule_fail('sys.hostname-invalid',
            format("'%s' is not a valid host name", h),
            '/system/hostname',
            'use lower-case letters, digits and inner hyphens (put the domain in /system/domain)',
            '/system/hostname', value('/vm/name'));
    };
    true;
};

@documentation{
Rule `sys.root-password-no-hash`: root may log in by password only when a password hash is
set (otherwise the account is locked or, worse, set up with an empty password).
Suggestion: forbid password logins and use ssh keys (fix:
`/system/root/password_login` = false), or set `/system/root/password_hash`.
}
function vmcs_rule_root_password = {
    root = value('/system/root');
    if (root['password_login'] && !is_defined(root['password_hash'])) {
        vmcs_rule_fail('sys.root-password-no-hash',
            'root may log in by password but no password hash is set',
            '/system/root/password_login',
            'log in with ssh keys (/system/root/ssh_keys) or set /system/root/password_hash (mkpasswd -m sha-512)',
            '/system/root/password_login', false);
    };
    true;
};

@documentation{
Rule `sys.suite-unknown`: the suite must be one the knowledge center knows
(`VMCS_SUITES`).
Suggestion: use the current stable suite (fix: `/system/os/suite` = `bookworm`).
}
function vmcs_rule_suite_known = {
    s = value('/system/os/suite');
    if (!is_defined(VMCS_SUITES[s])) {
        names = '';
        foreach (k; v; VMCS_SUITES) {
            if (names != '') names = names + ', ';
            names = names + k;
        };
        vmcs_rule_fail('sys.suite-unknown',
            format("the suite '%s' is unknown", s),
            '/system/os/suite', format('choose one of: %s', names),
            '/system/os/suite', 'bookworm');
    };
    true;
};

@documentation{
Rule `sys.suite-arch`: the suite must be released for the OS architecture
(`VMCS_SUITES[suite]['archs']`; trixie has no i386 installer).
Suggestion: use the first architecture of the suite (fix: `/system/os/arch`).
}
function vmcs_rule_suite_arch = {
    s = value('/system/os/suite');
    a = value('/system/os/arch');
    if (is_defined(VMCS_SUITES[s]) && !vmcs_one_of(a, VMCS_SUITES[s]['archs'])) {
        vmcs_rule_fail('sys.suite-arch',
            format('%s is not released for %s', s, a),
            '/system/os/arch', format('choose an architecture of %s or an older suite', s),
            '/system/os/arch', VMCS_SUITES[s]['archs'][0]);
    };
    true;
};

@documentation{
Rule `sys.kernel-arch`: a kernel package built for another architecture
(`VMCS_KERNEL_PACKAGES`) cannot boot the OS.
Suggestion: use the kernel of the OS architecture (fix: `/system/kernel/package`).
}
function vmcs_rule_kernel_arch = {
    a = value('/system/os/arch');
    k = value('/system/kernel/package');
    want = VMCS_KERNEL_PACKAGES[a];
    foreach (arch; pkg; VMCS_KERNEL_PACKAGES) {
        if (k == pkg && arch != a) {
            vmcs_rule_fail('sys.kernel-arch',
                format('the kernel %s is built for %s, not %s', k, arch, a),
                '/system/kernel/package', format('use %s', want),
                '/system/kernel/package', want);
        };
    };
    true;
};

@documentation{
Rule `sys.pygrub-not-xen`: only the Xen modes in `VMCS_PYGRUB_HYPERVISORS` boot with pygrub.
Suggestion: boot with the disk's boot loader (fix: `/system/kernel/boot` = `bootloader`).
}
function vmcs_rule_pygrub = {
    hv = value('/hardware/hypervisor');
    if (value('/system/kernel/boot') == 'pygrub' && !vmcs_one_of(hv, VMCS_PYGRUB_HYPERVISORS)) {
        vmcs_rule_fail('sys.pygrub-not-xen',
            format('pygrub cannot boot a %s guest', hv),
            '/system/kernel/boot', "use boot 'bootloader' (or 'direct')",
            '/system/kernel/boot', 'bootloader');
    };
    true;
};

@documentation{
Rule `sys.cmdline-reserved`: the kernel command line (`/system/kernel/cmdline`) may not
set `console=`, `root=`, `ro`, `rw` or `init=`: each hypervisor backend adds the console
and root options its devices need, and the guest boots its own systemd.
Suggestion: remove them (fix: `/system/kernel/cmdline` = the other options).
}
function vmcs_rule_cmdline_reserved = {
    keep = '';
    bad = '';
    foreach (i; w; split('[ \t]+', value('/system/kernel/cmdline'))) {
        if (match(w, '^(console|root|init)=') || w == 'ro' || w == 'rw') {
            if (bad != '') bad = bad + ' ';
            bad = bad + w;
        } else if (w != '') {
            if (keep != '') keep = keep + ' ';
            keep = keep + w;
        };
    };
    if (bad != '') {
        vmcs_rule_fail('sys.cmdline-reserved',
            format("the kernel command line sets '%s', which the hypervisor backend sets itself", bad),
            '/system/kernel/cmdline',
            'remove them: each backend adds the console and root options it needs',
            '/system/kernel/cmdline', keep);
    };
    true;
};
