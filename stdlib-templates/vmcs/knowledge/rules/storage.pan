@{
Knowledge-center rules about storage (`/storage`).
}
declaration template vmcs/knowledge/rules/storage;

include 'vmcs/functions';

@documentation{
`vmcs_root_image_name()`: the name of the image mounted at `/`, or undef.
}
function vmcs_root_image_name = {
    foreach (k; img; value('/storage/images')) {
        if (is_defined(img['mount']) && img['mount'] == '/') return(k);
    };
    undef;
};

@documentation{
Rule `storage.no-root-image`: one image must be mounted at `/`.
Suggestion: add a root image sized for the software (fix: `/storage/images/root` = a raw
ext4 image mounted at `/`).
}
function vmcs_rule_root_image = {
    if (!is_defined(vmcs_root_image_name())) {
        need = vmcs_round_up(vmcs_disk_needed(value('/system/os/suite'), value('/software/packages')), 100);
        vmcs_rule_fail('storage.no-root-image', 'no image is mounted at /',
            '/storage/images',
            format('add a root image of at least %d MiB', need),
            '/storage/images/root', dict('size', need, 'format', 'raw', 'filesystem', 'ext4', 'mount', '/'));
    };
    true;
};

@documentation{
Rule `storage.disk-too-small`: the root image must hold the base system of the suite
(`VMCS_SUITES[suite]['base_size']`), the packages asked for (`VMCS_PACKAGE_SIZES`) and
`VMCS_DISK_HEADROOM` percent more.
Suggestion: grow the root image (fix: its `size` = the estimate rounded up to 100 MiB).
}
function vmcs_rule_disk_size = {
    root = vmcs_root_image_name();
    if (!is_defined(root)) return(true);
    size = value('/storage/images/' + root + '/size');
    need = vmcs_disk_needed(value('/system/os/suite'), value('/software/packages'));
    if (size < need) {
        p = '/storage/images/' + root + '/size';
        fixed = vmcs_round_up(need, 100);
        vmcs_rule_fail('storage.disk-too-small',
            format('the root image (%d MiB) is too small for the system and its software (about %d MiB)', size, need),
            p, format('make the root image at least %d MiB', fixed), p, fixed);
    };
    true;
};

@documentation{
Rule `storage.qcow2-raw-only`: a hypervisor mode in `VMCS_RAW_ONLY_HYPERVISORS` (Xen PV's
blkback) cannot use qcow2 images.
Suggestion: use a raw image (fix: the image's `format` = `raw`), or the `xen-pvh` mode.
}
function vmcs_rule_qcow2 = {
    hv = value('/hardware/hypervisor');
    if (!vmcs_one_of(hv, VMCS_RAW_ONLY_HYPERVISORS)) return(true);
    foreach (k; img; value('/storage/images')) {
        if (img['format'] == 'qcow2') {
            p = '/storage/images/' + k + '/format';
            vmcs_rule_fail('storage.qcow2-raw-only',
                format("the image '%s' is qcow2, but the %s hypervisor mode only takes raw images", k, hv),
                p, "use format 'raw', or /hardware/hypervisor = 'xen-pvh'", p, 'raw');
        };
    };
    true;
};

@documentation{
Rule `storage.duplicate-mount`: two images may not be mounted at the same place.
Suggestion: mount the second one elsewhere (fix: its `mount` = `/srv/NAME`).
}
function vmcs_rule_duplicate_mount = {
    seen = dict();
    foreach (k; img; value('/storage/images')) {
        if (is_defined(img['mount'])) {
            m = escape(img['mount']);
            if (is_defined(seen[m])) {
                p = '/storage/images/' + k + '/mount';
                vmcs_rule_fail('storage.duplicate-mount',
                    format("the images '%s' and '%s' are both mounted at %s", seen[m], k, img['mount']),
                    p, format('mount %s somewhere else', k), p, '/srv/' + k);
            };
            seen[m] = k;
        };
    };
    true;
};

@documentation{
Rule `storage.populate-needs-ext4`: an image that is populated (`populate` true, mounted
elsewhere than `/`) starts with what the system has at its mount point, which only ext4
can be made with.
Suggestion: use ext4 (fix: the image's `filesystem` = `ext4`), or set `populate` to false
for an empty filesystem.
}
function vmcs_rule_populate_ext4 = {
    foreach (k; img; value('/storage/images')) {
        if (img['populate'] && is_defined(img['mount']) && img['mount'] != '/' && img['filesystem'] != 'ext4') {
            p = '/storage/images/' + k + '/filesystem';
            vmcs_rule_fail('storage.populate-needs-ext4',
                format("the image '%s' (%s) is populated with what the system has at %s, but only ext4 can be populated", k, img['filesystem'], img['mount']),
                p, format("use filesystem 'ext4', or set /storage/images/%s/populate to false to start it empty", k),
                p, 'ext4');
        };
    };
    true;
};
