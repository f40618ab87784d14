/* LD_PRELOAD stub that lets Xen's `xl -N create CFG` parse a domain config without a
 * hypervisor: the handles libxl opens at start-up succeed, and the host looks like a small
 * machine. Built by tests/xl.rs with `cc -shared -fPIC`. Nothing here talks to Xen. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char handle[4096];

void *xc_interface_open(void *logger, void *dombuild_logger, unsigned open_flags) { (void)logger; (void)dombuild_logger; (void)open_flags; return handle; }
int xc_interface_close(void *xch) { (void)xch; return 0; }
void *xs_open(unsigned long flags) { (void)flags; return handle; }
void *xs_daemon_open(void) { return handle; }
void *xs_daemon_open_readonly(void) { return handle; }
void xs_close(void *h) { (void)h; }
void xs_daemon_close(void *h) { (void)h; }
int xs_fileno(void *h) { (void)h; return -1; }
void *xenevtchn_open(void *logger, unsigned flags) { (void)logger; (void)flags; return handle; }

/* xc_version(XENVER_version) returns (major << 16) | minor; other commands fill a buffer. */
int xc_version(void *xch, int cmd, void *arg) {
    (void)xch;
    if (cmd == 0) return (4 << 16) | 17;
    if (arg) memset(arg, 0, 16);
    return 0;
}

/* xc_physinfo_t: one CPU, one node; only the leading fields are written (the caller's
 * struct is smaller than it looks, so nothing past them is touched). */
int xc_physinfo(void *xch, void *put_info) {
    (void)xch;
    uint32_t *u = put_info;
    u[0] = 1; /* threads_per_core */
    u[1] = 1; /* cores_per_socket */
    u[2] = 1; /* nr_cpus */
    u[3] = 0; /* max_cpu_id */
    u[4] = 1; /* nr_nodes */
    u[5] = 0; /* max_node_id */
    return 0;
}
int xc_get_max_cpus(void *xch) { (void)xch; return 1; }
int xc_get_online_cpus(void *xch) { (void)xch; return 1; }
int xc_get_max_nodes(void *xch) { (void)xch; return 1; }
int xc_get_cpu_levelling_caps(void *xch, uint32_t *caps) { (void)xch; *caps = 0; return 0; }
long xc_sharing_freed_pages(void *xch) { (void)xch; return 0; }
long xc_sharing_used_frames(void *xch) { (void)xch; return 0; }
long xc_memory_op(void *xch, unsigned cmd, void *arg, size_t len) { (void)xch; (void)cmd; (void)arg; (void)len; return 0; }
