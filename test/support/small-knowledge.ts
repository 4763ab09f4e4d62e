// A small knowledge base written for the engine's behaviour tests: a few entries that share
// most of their words but differ in what they are about (TF Lite vs PyTorch Mobile, PyTorch vs
// TensorFlow on Windows), which is exactly where ranking alone picks a neighbouring answer.
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { validFixture, writeFixture } from './knowledge-fixture.js';

const entry = (id: string, question: string, phrasings: string[], answer: string, keywords: string[] = []) => ({
  id,
  question,
  phrasings,
  answer,
  keywords,
  sources: ['official-docs'],
  checked: '2026-11-30',
});

export function smallKnowledgeEngine(): Engine {
  const files = validFixture();
  const topic = (id: string, title: string, faq: ReturnType<typeof entry>[]) => ({
    ...(files.topics.alpha as object),
    id,
    title,
    covers: title,
    summary: title,
    keywords: [],
    faq,
    claims: [],
  });
  files.index = { topics: ['mobile', 'platforms', 'switching'] };
  files.scope = {
    frameworkTerms: ['pytorch', 'tensorflow', 'keras', 'jax', 'litert', 'executorch', 'onnx', 'cuda', 'tpu', 'tfjs'],
    contextTerms: ['model', 'which', 'deploy'],
    facetTerms: ['windows', 'linux', 'ubuntu', 'macos', 'mobile', 'android', 'browser'],
    broaderTerms: { ubuntu: 'linux' },
    frameworkFamilies: { pytorch: ['executorch'], tensorflow: ['tfjs', 'litert'] },
  };
  files.synonyms = {
    synonyms: [
      { canonical: 'tensorflow', variants: ['tf'] },
      { canonical: 'pytorch', variants: ['torch'] },
      { canonical: 'litert', variants: ['tflite', 'tf lite', 'tensorflow lite'] },
      { canonical: 'tfjs', variants: ['tensorflow.js', 'tf.js'] },
    ],
  };
  files.recommendations = {
    criteria: [
      {
        id: 'need-one',
        need: 'Mobile apps',
        phrasings: ['mobile app', 'android app'],
        leans: 'either',
        weight: 1,
        why: 'Both have runtimes.',
        topic: 'mobile',
      },
    ],
  };
  files.topics = {
    mobile: topic('mobile', 'Mobile deployment', [
      entry(
        'litert-status',
        'What happened to TensorFlow Lite?',
        ['is tflite dead', 'is tensorflow lite deprecated', 'tflite renamed'],
        'TensorFlow Lite was renamed LiteRT in 2024 and is maintained by Google AI Edge.',
        ['litert', 'ai edge'],
      ),
      entry(
        'pytorch-mobile-status',
        'What happened to PyTorch Mobile?',
        ['is pytorch mobile dead', 'is pytorch mobile deprecated', 'pytorch mobile replaced'],
        'PyTorch Mobile is no longer developed; ExecuTorch replaced it.',
        ['executorch'],
      ),
      entry(
        'pytorch-in-browser',
        'Can I run a PyTorch model in the browser?',
        ['pytorch model in the browser', 'run torch in javascript', 'pytorch in a web page'],
        'PyTorch has no JavaScript runtime of its own like TensorFlow.js: export the model to ONNX and run it with ONNX Runtime Web.',
        ['onnx'],
      ),
      entry(
        'mobile-how-deploy',
        'How do I deploy a model to an Android or iOS app?',
        ['run a model on a phone', 'deploy to android', 'on-device inference for a mobile app'],
        'Use LiteRT for TensorFlow and Keras models and ExecuTorch for PyTorch models.',
      ),
    ]),
    platforms: topic('platforms', 'Operating systems', [
      entry(
        'pytorch-windows',
        'Does PyTorch run on Windows?',
        ['pytorch on windows', 'install torch on windows 11', 'is pytorch supported on windows'],
        'PyTorch ships Windows wheels for CPU and NVIDIA CUDA.',
      ),
      entry(
        'tensorflow-windows',
        'Does TensorFlow run on Windows?',
        ['tensorflow on windows', 'install tf on windows 11', 'is tensorflow supported on windows'],
        'TensorFlow runs on Windows on the CPU; for NVIDIA GPUs use WSL2.',
      ),
      entry(
        'tensorflow-linux',
        'Does TensorFlow run on Linux?',
        ['tensorflow on linux', 'install tf on a linux server', 'is tensorflow supported on linux'],
        'TensorFlow ships Linux wheels for the CPU and, with the and-cuda extra, NVIDIA GPUs.',
      ),
      entry(
        'pytorch-macos',
        'Does PyTorch run on macOS?',
        ['pytorch on a mac', 'install torch on macos', 'pytorch apple silicon'],
        'PyTorch ships macOS wheels and uses the MPS backend on Apple silicon.',
      ),
    ]),
    // The same words either way round: only the direction of the move tells them apart.
    switching: topic('switching', 'Switching frameworks', [
      entry(
        'tensorflow-to-pytorch',
        'How do I move a TensorFlow model to PyTorch?',
        ['port tensorflow code to pytorch', 'convert a tf model to torch', 'migrate from tensorflow to pytorch'],
        'Rebuild the network in PyTorch module by module and copy the weights across, transposing kernels.',
      ),
      entry(
        'pytorch-to-tensorflow',
        'How do I move a PyTorch model to TensorFlow?',
        ['port pytorch code to tensorflow', 'convert a torch model to tf', 'migrate from pytorch to tensorflow'],
        'Rebuild the network in Keras layer by layer and copy the weights across, or go through ONNX.',
      ),
      // Both name both frameworks in their question and PyTorch alone in most phrasings; only
      // the first answers for TensorFlow too (its answer speaks of both), the second names
      // TensorFlow as a point of comparison.
      entry(
        'save-and-load',
        'How do I save a trained model in PyTorch, and how in TensorFlow?',
        ['save a pytorch model to disk', 'torch.save a trained model', 'pytorch save weights and reload them'],
        'In PyTorch, torch.save the state_dict and load it with load_state_dict. In TensorFlow, model.save writes a .keras file; TensorFlow reads it back with load_model, and TensorFlow Serving takes an exported SavedModel.',
      ),
      entry(
        'pytorch-gpu-memory-cap',
        "How do I cap GPU memory in PyTorch, like TensorFlow's memory growth?",
        ['pytorch uses all gpu memory', 'limit torch gpu memory', 'pytorch memory fraction per process'],
        'Call torch.cuda.set_per_process_memory_fraction, or set PYTORCH_CUDA_ALLOC_CONF to shape the caching allocator.',
      ),
      // Its question names both frameworks; most of its phrasings name TensorFlow alone.
      entry(
        'certificates',
        'Is the TensorFlow certificate still offered, and is there a PyTorch one?',
        [
          'tensorflow certificate exam closed',
          'is the tensorflow developer certificate worth it',
          'tensorflow certificate still available',
          'is there an official pytorch certification',
        ],
        'Google closed the TensorFlow Developer Certificate; there is no official PyTorch certification.',
      ),
      // Its question sets PyTorch against Keras; its phrasings name PyTorch alone, its answer speaks of both.
      entry(
        'freeze-layers',
        'How do I freeze layers of a pretrained model in PyTorch and in Keras?',
        ['freeze the backbone in pytorch', 'requires_grad false for pretrained layers in torch', 'fine tune only the head in pytorch'],
        'In PyTorch set requires_grad to False on the frozen parameters; in Keras set layer.trainable = False before compile(). ' +
          'Keras then runs frozen BatchNormalization layers in inference mode, which PyTorch does only after eval(); Keras users need nothing more.',
      ),
      entry(
        'switching-worth-it',
        'Is it worth switching frameworks for an existing project?',
        ['should we rewrite our project in another framework', 'is a framework switch worth the cost', 'keep our framework or change'],
        'Only when the current framework blocks something you need; a rewrite costs months.',
      ),
    ]),
  };
  return createEngine(loadKnowledge(writeFixture(files)));
}
