@{
Knowledge-center rules about the virtual hardware (`/hardware`).
}
declaration template vmcs/knowledge/rules/hardware;

include 'vmcs/functions';

@documentation{
Rule `hw.arch-64bit-os`: a 64-bit OS (`/system/os/arch` amd64 or arm64) cannot run on
32-bit hardware (`/hardware/arch` i386).
Suggestion: make the hardware match the OS (fix: `/hardware/arch` = the OS architecture).
}
function vmcs_rule_arch_64bit_os = {
    hw = value('/hardware/arch');
    os = value('/system/os/arch');
    if (hw == 'i386' && os != 'i386') {
        vmcs_rule_fail('hw.arch-64bit-os',
            format('a 64-bit OS (%s) cannot run on 32-bit hardware (i386)', os),
            '/hardware/arch',
            format("set /hardware/arch to '%s', or choose the i386 port with /system/os/arch = 'i386'", os),
            '/hardware/arch', os);
    };
    true;
};

@documentation{
Rule `hw.arch-family`: the OS architecture must belong to the hardware's family (an arm64
OS on x86 hardware or an x86 OS on arm64 hardware cannot boot); i386 on amd64 is allowed.
Suggestion: install the OS port of the hardware (fix: `/system/os/arch` = `/hardware/arch`).
}
function vmcs_rule_arch_family = {
    hw = value('/hardware/arch');
    os = value('/system/os/arch');
    if ((hw == 'arm64') != (os == 'arm64')) {
        vmcs_rule_fail('hw.arch-family',
            format('the OS architecture %s cannot run on %s hardware', os, hw),
            '/system/os/arch',
            format("install the %s port of the OS", hw),
            '/system/os/arch', hw);
    };
    true;
};

@documentation{
Rule `hw.maxmem-below-memory`: the maximum memory (`/hardware/maxmem`) must be at least the
initial memory (`/hardware/memory`).
Suggestion: raise maxmem to the initial memory (fix: `/hardware/maxmem` = memory).
}
function vmcs_rule_maxmem = {
    mem = value('/hardware/memory');
    max = value('/hardware/maxmem');
    if (max < mem) {
        vmcs_rule_fail('hw.maxmem-below-memory',
            format('maxmem (%d MiB) is below the initial memory (%d MiB)', max, mem),
            '/hardware/maxmem',
            format('raise /hardware/maxmem to at least %d, or lower /hardware/memory', mem),
            '/hardware/maxmem', mem);
    };
    true;
};

@documentation{
Rule `hw.vcpus-host-limit`: a VM may not have more vCPUs than the host allows
(`VMCS_HOST['max_vcpus']`).
Suggestion: use the host's limit (fix: `/hardware/vcpus` = the limit).
}
function vmcs_rule_vcpus_limit = {
    n = value('/hardware/vcpus');
    max = VMCS_HOST['max_vcpus'];
    if (n > max) {
        vmcs_rule_fail('hw.vcpus-host-limit',
            format('%d vCPUs exceed the host limit of %d', n, max),
            '/hardware/vcpus',
            format('use at most %d vCPUs (VMCS_HOST on this site)', max),
            '/hardware/vcpus', max);
    };
    true;
};

@documentation{
Rule `hw.memory-host-limit`: initial and maximum memory may not exceed the host's limit
(`VMCS_HOST['max_memory']`).
Suggestion: cap the memory at the limit (fix: `/hardware/memory` or `/hardware/maxmem` = the
limit).
}
function vmcs_rule_memory_limit = {
    max = VMCS_HOST['max_memory'];
    foreach (i; field; list('memory', 'maxmem')) {
        n = value('/hardware/' + field);
        if (n > max) {
            vmcs_rule_fail('hw.memory-host-limit',
                format('%s (%d MiB) exceeds the host limit of %d MiB', field, n, max),
                '/hardware/' + field,
                format('use at most %d MiB', max),
                '/hardware/' + field, max);
        };
    };
    true;
};

@documentation{
Rule `hw.disk-image-missing`: every disk must name an image of `/storage/images`.
Suggestion: attach an existing image (fix: the disk's `image` = the first image defined).
}
function vmcs_rule_disk_image = {
    images = value('/storage/images');
    foreach (i; d; value('/hardware/disks')) {
        if (!is_defined(images[d['image']])) {
            p = format('/hardware/disks/%d/image', i);
            names = '';
            first = undef;
            foreach (k; img; images) {
                if (!is_defined(first)) first = k;
                if (names != '') names = names + ', ';
                names = names + k;
            };
            if (is_defined(first)) {
                vmcs_rule_fail('hw.disk-image-missing',
                    format("disk %s uses the image '%s', which /storage/images does not define", d['device'], d['image']),
                    p, format('use one of the images: %s', names), p, first);
            };
            vmcs_rule_fail('hw.disk-image-missing',
                format("disk %s uses the image '%s', which /storage/images does not define", d['device'], d['image']),
                p, format("define /storage/images/%s", d['image']));
        };
    };
    true;
};

@documentation{
Rule `hw.duplicate-device`: two disks or CD-ROMs may not use the same guest device name.
Suggestion: rename the second device (fix: the next free name, e.g. `xvdb`).
}
function vmcs_rule_duplicate_device = {
    seen = dict();
    devs = list();
    foreach (i; d; value('/hardware/disks')) {
        devs[length(devs)] = list(format('/hardware/disks/%d/device', i), d['device']);
    };
    foreach (i; d; value('/hardware/cdroms')) {
        devs[length(devs)] = list(format('/hardware/cdroms/%d/device', i), d['device']);
    };
    foreach (i; pd; devs) {
        if (is_defined(seen[pd[1]])) {
            stem = substr(pd[1], 0, length(pd[1]) - 1);
            free = undef;
            foreach (j; letter; list('b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')) {
                if (!is_defined(free) && !is_defined(seen[stem + letter])) {
                    ok = true;
                    foreach (m; other; devs) {
                        if (other[1] == stem + letter) ok = false;
                    };
                    if (ok) free = stem + letter;
                };
            };
            vmcs_rule_fail('hw.duplicate-device',
                format("device name '%s' is used twice", pd[1]),
                pd[0], format("rename it to '%s'", free), pd[0], free);
        };
        seen[pd[1]] = true;
    };
    true;
};
