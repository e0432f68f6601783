package serve

import "sync"

// hub fans the ids of new builds out to the open event streams.
type hub struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
}

// subscribe returns a channel that receives the id of each new build. It
// holds one id: a stream that falls behind gets only the latest, which is
// all a page needs to know.
func (h *hub) subscribe() chan string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients == nil {
		h.clients = make(map[chan string]struct{})
	}
	ch := make(chan string, 1)
	h.clients[ch] = struct{}{}
	return ch
}

func (h *hub) unsubscribe(ch chan string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, ch)
}

// broadcast sends id to every stream without waiting for any, replacing
// an id a stream has not taken yet.
func (h *hub) broadcast(id string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case <-ch:
		default:
		}
		ch <- id // cannot block: the channel is now empty and only broadcast sends
	}
}
