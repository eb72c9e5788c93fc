/*
** tradestat-dqlite.c -- a dqlite node (Raft-replicated SQLite) with the
** tradestat extension registered on every connection it opens.
**
**   tradestat-dqlite --id N --address HOST:PORT --dir DIR [--peers LIST]
**
** LIST is the whole cluster, ID@HOST:PORT separated by commas, this node
** included.  libdqlite 1.11's C API has no call to join a running
** cluster, so the membership is written into a new data directory before
** the node starts: every node of a new cluster is started once with the
** same LIST (the same first Raft log entry on every node, as a Raft
** bootstrap of all members).  A data directory that already holds a Raft
** log keeps its membership and LIST is not used again.  Node id 1 cannot
** be part of a LIST: libdqlite bootstraps id 1 as a one-node cluster on
** its own, which would clash with the LIST written before.  Without --peers, id 1 starts (or restarts) a one-node cluster.
**
** The extension is registered with sqlite3_auto_extension before the node
** starts, so every connection dqlite opens (leader or follower) has the
** functions and virtual tables: a node without it would fail every query
** naming them once it became leader.
**
** SIGTERM or SIGINT stops the node cleanly (dqlite_node_stop) and exits 0.
** SIGPIPE is ignored: a peer that vanishes mid-write must not kill the node.
** Exit status: 0 clean stop, 1 startup failure, 2 usage error.
*/
#include <dqlite.h>
#include <tradestat.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PROG      "tradestat-dqlite"
#define MAX_PEERS 16
/* libdqlite 1.11 (src/server.c) bootstraps a node with id 1 or this id as
   a one-node cluster when it starts on an empty data directory. */
#define DQLITE_BOOTSTRAP_ID 0x2dc171858c3155beULL

static void usage(FILE *out) {
  fprintf(out,
          "usage: " PROG
          " --id N --address HOST:PORT --dir DIR [--peers ID@HOST:PORT,...]\n"
          "  --id       this node's Raft id (a positive integer)\n"
          "  --address  the address this node listens on and peers reach it at\n"
          "  --dir      the node's data directory (created, with its parents, if missing)\n"
          "  --peers    every member of a new cluster, this node included; used only\n"
          "             when DIR holds no Raft log yet (ids other than 1)\n"
          "SIGTERM or SIGINT stops the node; exit 0 clean stop, 1 startup failure, 2 usage.\n");
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, PROG ": ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n");
  usage(stderr);
  return 2;
}

/* A positive decimal id; 0 on anything else. */
static unsigned long long parse_id(const char *s) {
  char *end = NULL;
  if (s == NULL || *s < '0' || *s > '9') return 0;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return 0;
  return v;
}

/* Splits LIST in place into peers; returns the count, or -1 after a message. */
static int parse_peers(char *list, struct dqlite_node_info *peers, const char *orig) {
  int n = 0;
  char *save = NULL;
  for (char *item = strtok_r(list, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    char *at = strchr(item, '@');
    if (at == NULL || at[1] == '\0') {
      fprintf(stderr, PROG ": --peers: entry '%s' is not ID@HOST:PORT (in '%s')\n", item, orig);
      return -1;
    }
    *at = '\0';
    unsigned long long id = parse_id(item);
    if (id == 0) {
      fprintf(stderr, PROG ": --peers: id '%s' is not a positive integer (in '%s')\n", item, orig);
      return -1;
    }
    if (n == MAX_PEERS) {
      fprintf(stderr, PROG ": --peers: more than %d members in '%s'\n", MAX_PEERS, orig);
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (peers[i].id == id) {
        fprintf(stderr, PROG ": --peers: id %llu appears twice in '%s'\n", id, orig);
        return -1;
      }
    }
    peers[n].id = id;
    peers[n].address = at + 1;
    n++;
  }
  if (n == 0) fprintf(stderr, PROG ": --peers: no member in '%s'\n", orig);
  return n ? n : -1;
}

/* 1: DIR holds no entry (a new node), 0: it holds some, -1: cannot be
   read (errno ENOENT: it does not exist yet, also a new node). */
static int dir_is_empty(const char *dir) {
  DIR *d = opendir(dir);
  if (d == NULL) return -1;
  struct dirent *e;
  int empty = 1;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
      empty = 0;
      break;
    }
  }
  closedir(d);
  return empty;
}

/* mkdir -p DIR (mode 0700); 0 or -1 with errno set. */
static int make_dirs(const char *dir) {
  char path[4096];
  size_t n = strlen(dir);
  if (n >= sizeof path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(path, dir, n + 1);
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(path, 0700) != 0 && errno != EEXIST) return -1;
  return 0;
}

int main(int argc, char **argv) {
  const char *id_arg = NULL, *address = NULL, *dir = NULL, *peers_arg = NULL;
  for (int i = 1; i < argc; i++) {
    const char **slot = NULL;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argv[i], "--id") == 0) {
      slot = &id_arg;
    } else if (strcmp(argv[i], "--address") == 0) {
      slot = &address;
    } else if (strcmp(argv[i], "--dir") == 0) {
      slot = &dir;
    } else if (strcmp(argv[i], "--peers") == 0) {
      slot = &peers_arg;
    } else {
      return usage_error("unknown argument '%s'", argv[i]);
    }
    if (i + 1 >= argc) return usage_error("%s needs a value", argv[i]);
    *slot = argv[++i];
  }
  if (id_arg == NULL) return usage_error("%s is required", "--id");
  if (address == NULL || *address == '\0') return usage_error("%s is required", "--address");
  if (dir == NULL || *dir == '\0') return usage_error("%s is required", "--dir");
  unsigned long long id = parse_id(id_arg);
  if (id == 0) return usage_error("--id: '%s' is not a positive integer", id_arg);

  struct dqlite_node_info peers[MAX_PEERS];
  int n_peers = 0;
  char *peers_copy = NULL;
  if (peers_arg != NULL) {
    peers_copy = strdup(peers_arg);
    if (peers_copy == NULL) {
      fprintf(stderr, PROG ": out of memory\n");
      return 1;
    }
    n_peers = parse_peers(peers_copy, peers, peers_arg);
    if (n_peers < 0) {
      usage(stderr);
      return 2;
    }
    int self = -1;
    for (int i = 0; i < n_peers; i++) {
      if (peers[i].id == 1 || peers[i].id == DQLITE_BOOTSTRAP_ID) {
        fprintf(stderr,
                PROG
                ": --peers: id %llu cannot be a member of a --peers cluster "
                "(libdqlite bootstraps that id as a one-node cluster); use ids 2 and up\n",
                peers[i].id);
        return 2;
      }
      if (peers[i].id == id) self = i;
    }
    if (self < 0) {
      fprintf(stderr, PROG ": --peers: this node (--id %llu) is not in '%s'\n", id, peers_arg);
      return 2;
    }
    if (strcmp(peers[self].address, address) != 0) {
      fprintf(stderr, PROG ": --peers gives node %llu the address '%s' but --address is '%s'\n", id,
              peers[self].address, address);
      return 2;
    }
  }

  int fresh = dir_is_empty(dir);
  if (fresh < 0 && errno != ENOENT) {
    fprintf(stderr, PROG ": --dir: cannot read '%s': %s\n", dir, strerror(errno));
    return 1;
  }
  fresh = fresh != 0;
  if (fresh && n_peers == 0 && id != 1) {
    fprintf(stderr,
            PROG
            ": '%s' holds no Raft log and no --peers was given: node %llu "
            "would never belong to a cluster (give --peers, or --id 1 for one node)\n",
            dir, id);
    return 2;
  }

  if (make_dirs(dir) != 0) {
    fprintf(stderr, PROG ": --dir: cannot create '%s': %s\n", dir, strerror(errno));
    return 1;
  }

  /* Before any thread exists: ignored SIGPIPE, SIGTERM/SIGINT blocked in
     every thread dqlite starts, so that only sigwait() below sees them. */
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

  int rc = sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init);
  if (rc != SQLITE_OK) {
    fprintf(stderr, PROG ": sqlite3_auto_extension(sqlite3_tradestat_init) failed: %s\n",
            sqlite3_errstr(rc));
    return 1;
  }

  dqlite_node *node = NULL;
  rc = dqlite_node_create(id, address, dir, &node);
  if (rc != 0) {
    fprintf(stderr, PROG ": dqlite_node_create(id %llu, '%s', '%s') failed (%d): %s\n", id, address,
            dir, rc, node ? dqlite_node_errmsg(node) : "no node");
    if (node) dqlite_node_destroy(node);
    return 1;
  }
  rc = dqlite_node_set_bind_address(node, address);
  if (rc != 0) {
    const char *msg = dqlite_node_errmsg(node);
    fprintf(stderr,
            PROG
            ": --address: cannot listen on '%s' (dqlite_node_set_bind_address: %d%s%s): "
            "is the port in use, or the host not an address of this machine?\n",
            address, rc, msg && *msg ? ", " : "", msg ? msg : "");
    dqlite_node_destroy(node);
    return 1;
  }
  if (fresh && n_peers > 0) {
    rc = dqlite_node_recover(node, peers, n_peers);
    if (rc != 0) {
      fprintf(stderr, PROG ": writing the membership of --peers into '%s' failed (%d): %s\n", dir,
              rc, dqlite_node_errmsg(node));
      dqlite_node_destroy(node);
      return 1;
    }
  } else if (!fresh && n_peers > 0) {
    fprintf(stderr,
            PROG ": '%s' already holds a Raft log: its membership is kept, --peers is not used\n",
            dir);
  }
  rc = dqlite_node_start(node);
  if (rc != 0) {
    fprintf(stderr, PROG ": dqlite_node_start(id %llu, '%s', '%s') failed (%d): %s\n", id, address,
            dir, rc, dqlite_node_errmsg(node));
    dqlite_node_destroy(node);
    return 1;
  }
  fprintf(stderr, PROG ": node %llu serving on %s, data in %s\n", id, address, dir);

  int sig = 0;
  while (sigwait(&stop_signals, &sig) != 0) {
  }
  fprintf(stderr, PROG ": node %llu: %s, stopping\n", id, sig == SIGTERM ? "SIGTERM" : "SIGINT");
  rc = dqlite_node_stop(node);
  dqlite_node_destroy(node);
  free(peers_copy);
  if (rc != 0) {
    fprintf(stderr, PROG ": node %llu: dqlite_node_stop failed (%d)\n", id, rc);
    return 1;
  }
  fprintf(stderr, PROG ": node %llu stopped\n", id);
  return 0;
}
