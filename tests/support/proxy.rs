//! A TCP proxy the test controls, in front of a Redis address: what Redis
//! Cloud and Sentinel-fronted endpoints look like to a client, one address
//! whose server can change (a promoted replica) while clients stay put.
#![allow(dead_code)]

use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// Forwards every new connection to the current backend; [`switch`]
/// changes the backend and drops the connections open now.
pub struct Proxy {
    port: u16,
    backend: Arc<Mutex<SocketAddr>>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    pub fn start(backend_port: u16) -> Proxy {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind proxy");
        let port = listener.local_addr().expect("proxy addr").port();
        let backend = Arc::new(Mutex::new(SocketAddr::from(([127, 0, 0, 1], backend_port))));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (b, o) = (backend.clone(), open.clone());
        thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let to = *b.lock().unwrap_or_else(|p| p.into_inner());
                let _ = forward(client, to, &o);
            }
        });
        Proxy {
            port,
            backend,
            open,
        }
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// New connections go to `backend_port`; the open ones are cut, as a
    /// failover cuts them.
    pub fn switch(&self, backend_port: u16) {
        *self.backend.lock().unwrap_or_else(|p| p.into_inner()) =
            SocketAddr::from(([127, 0, 0, 1], backend_port));
        for s in self
            .open
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    /// Cut the open connections, keep the backend (a network blip).
    pub fn cut(&self) {
        let to = *self.backend.lock().unwrap_or_else(|p| p.into_inner());
        self.switch(to.port());
    }
}

fn forward(client: TcpStream, to: SocketAddr, open: &Arc<Mutex<Vec<TcpStream>>>) -> io::Result<()> {
    let server = TcpStream::connect(to)?;
    {
        let mut o = open.lock().unwrap_or_else(|p| p.into_inner());
        o.push(client.try_clone()?);
        o.push(server.try_clone()?);
    }
    let (mut c_in, mut s_out) = (client.try_clone()?, server.try_clone()?);
    let (mut s_in, mut c_out) = (server, client);
    thread::spawn(move || {
        let _ = io::copy(&mut c_in, &mut s_out);
        let _ = s_out.shutdown(Shutdown::Both);
    });
    thread::spawn(move || {
        let _ = io::copy(&mut s_in, &mut c_out);
        let _ = c_out.shutdown(Shutdown::Both);
    });
    Ok(())
}
